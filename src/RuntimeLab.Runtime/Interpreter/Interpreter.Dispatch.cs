using System.Runtime.CompilerServices;
using RuntimeLab.Runtime.Objects;
using RuntimeLab.Runtime.TypeSystem;

namespace RuntimeLab.Runtime.Interpreter;

internal sealed unsafe partial class Interpreter
{
    /// <summary>
    /// Runs the frame on top of the chain from <paramref name="startPc"/> until it returns. Calls of
    /// methods without exception clauses stay in this loop: the callee's frame is pushed on the chain
    /// and <paramref name="pm"/>, <paramref name="fp"/>, the code and the frame reference switch to it
    /// (its Ret switches back). Only methods with clauses, internal calls and funclets get a host call
    /// of their own (<see cref="Invoke"/>), since catching and unwinding need one.
    /// <remarks>Compiled fully optimized from the start: with calls inside the loop, the outermost
    /// activation never returns, so tiered compilation would leave it in on-stack-replacement code.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Dispatch(PreparedMethod pm, long* fp, int startPc)
    {
        {
            var t = _thread;
            var code = pm.CodeStart;
            var ip = code + startPc;
            var tokens = pm.Tokens;
            ref var frame = ref t.Current;
            // Set by the three call operations before they jump to Call.
            RuntimeMethod target;
            long* args;
            nint newObject;
            while (true)
            {
                switch (ip->Op)
                {
                    case Op.Nop: break;
                    case Op.LoopHeader:
                        if (--pm.LoopCountdown > 0 || !OnHotLoop(pm, (int)(ip - code))) break;
                        // On-stack replacement: the rest of this activation ran compiled, on this frame,
                        // and its epilogue popped the frame as Ret does; continue as Ret does after that.
                        RunNative(pm.OsrNative, fp);
                        if (frame.ReturnIp == null) return 0;
                        ip = frame.ReturnIp;
                        if (frame.NewObject != 0) fp[0] = frame.NewObject;
                        frame = ref t.Current;
                        pm = t.MethodOf(frame);
                        fp = frame.Fp;
                        code = pm.CodeStart;
                        tokens = pm.Tokens;
                        continue;
                    case Op.Mov: fp[ip->A] = fp[ip->B]; break;
                    case Op.MovN: Buffer.MemoryCopy(fp + ip->B, fp + ip->A, ip->C * 8, ip->C * 8); break;
                    case Op.LdcI8: fp[ip->A] = ip->Imm; break;
                    case Op.LdcR4: *(float*)(fp + ip->A) = BitConverter.Int32BitsToSingle((int)ip->Imm); break;
                    case Op.LdcR8: fp[ip->A] = ip->Imm; break;
                    case Op.LdSlotAddr: fp[ip->A] = (long)(fp + ip->B); break;

                    case Op.LoadI1: { var p = fp[ip->B]; if (p == 0) NullReference(ref frame, ip - code); fp[ip->A] = *(sbyte*)(p + ip->Imm); break; }
                    case Op.LoadU1: { var p = fp[ip->B]; if (p == 0) NullReference(ref frame, ip - code); fp[ip->A] = *(byte*)(p + ip->Imm); break; }
                    case Op.LoadI2: { var p = fp[ip->B]; if (p == 0) NullReference(ref frame, ip - code); fp[ip->A] = *(short*)(p + ip->Imm); break; }
                    case Op.LoadU2: { var p = fp[ip->B]; if (p == 0) NullReference(ref frame, ip - code); fp[ip->A] = *(ushort*)(p + ip->Imm); break; }
                    case Op.LoadI4: { var p = fp[ip->B]; if (p == 0) NullReference(ref frame, ip - code); fp[ip->A] = *(int*)(p + ip->Imm); break; }
                    case Op.LoadU4: { var p = fp[ip->B]; if (p == 0) NullReference(ref frame, ip - code); fp[ip->A] = *(int*)(p + ip->Imm); break; }
                    case Op.LoadI8: { var p = fp[ip->B]; if (p == 0) NullReference(ref frame, ip - code); fp[ip->A] = *(long*)(p + ip->Imm); break; }
                    case Op.LoadR4: { var p = fp[ip->B]; if (p == 0) NullReference(ref frame, ip - code); *(float*)(fp + ip->A) = *(float*)(p + ip->Imm); break; }
                    case Op.LoadR8: { var p = fp[ip->B]; if (p == 0) NullReference(ref frame, ip - code); fp[ip->A] = *(long*)(p + ip->Imm); break; }
                    case Op.LoadN: { var p = fp[ip->B]; if (p == 0) NullReference(ref frame, ip - code); Buffer.MemoryCopy((void*)(p + ip->Imm), fp + ip->A, ip->C, ip->C); break; }
                    case Op.AddrOf: { var p = fp[ip->B]; if (p == 0) NullReference(ref frame, ip - code); fp[ip->A] = p + ip->Imm; break; }
                    case Op.StoreI1: { var p = fp[ip->A]; if (p == 0) NullReference(ref frame, ip - code); *(byte*)(p + ip->Imm) = (byte)fp[ip->B]; break; }
                    case Op.StoreI2: { var p = fp[ip->A]; if (p == 0) NullReference(ref frame, ip - code); *(short*)(p + ip->Imm) = (short)fp[ip->B]; break; }
                    case Op.StoreI4: { var p = fp[ip->A]; if (p == 0) NullReference(ref frame, ip - code); *(int*)(p + ip->Imm) = (int)fp[ip->B]; break; }
                    case Op.StoreI8: { var p = fp[ip->A]; if (p == 0) NullReference(ref frame, ip - code); *(long*)(p + ip->Imm) = fp[ip->B]; break; }
                    case Op.StoreR4: { var p = fp[ip->A]; if (p == 0) NullReference(ref frame, ip - code); *(float*)(p + ip->Imm) = *(float*)(fp + ip->B); break; }
                    case Op.StoreRef: { var p = fp[ip->A]; if (p == 0) NullReference(ref frame, ip - code); _vm.Heap.StoreReference((nint*)(p + ip->Imm), (nint)fp[ip->B]); break; }
                    case Op.StoreN:
                        if (fp[ip->A] == 0) NullReference(ref frame, ip - code);
                        StoreStruct(ip, fp, tokens);
                        break;
                    case Op.LoadStaticI4: fp[ip->A] = *(int*)ip->Imm; break;
                    case Op.LoadStaticI8: fp[ip->A] = *(long*)ip->Imm; break;
                    case Op.StoreStaticI4: *(int*)ip->Imm = (int)fp[ip->A]; break;
                    case Op.StoreStaticI8: *(long*)ip->Imm = fp[ip->A]; break;
                    case Op.NarrowI1: fp[ip->A] = (sbyte)fp[ip->B]; break;
                    case Op.NarrowU1: fp[ip->A] = (byte)fp[ip->B]; break;
                    case Op.NarrowI2: fp[ip->A] = (short)fp[ip->B]; break;
                    case Op.NarrowU2: fp[ip->A] = (ushort)fp[ip->B]; break;
                    case Op.NarrowU4: fp[ip->A] = (int)fp[ip->B]; break;

                    case Op.AddI4: fp[ip->A] = (int)fp[ip->B] + (int)fp[ip->C]; break;
                    case Op.SubI4: fp[ip->A] = (int)fp[ip->B] - (int)fp[ip->C]; break;
                    case Op.MulI4: fp[ip->A] = (int)fp[ip->B] * (int)fp[ip->C]; break;
                    case Op.DivI4: frame.Pc = (int)(ip - code); fp[ip->A] = Arithmetic.DivI4((int)fp[ip->B], (int)fp[ip->C]); break;
                    case Op.DivUnI4: frame.Pc = (int)(ip - code); fp[ip->A] = (int)Arithmetic.DivUnI4((uint)fp[ip->B], (uint)fp[ip->C]); break;
                    case Op.RemI4: frame.Pc = (int)(ip - code); fp[ip->A] = Arithmetic.RemI4((int)fp[ip->B], (int)fp[ip->C]); break;
                    case Op.RemUnI4: frame.Pc = (int)(ip - code); fp[ip->A] = (int)Arithmetic.RemUnI4((uint)fp[ip->B], (uint)fp[ip->C]); break;
                    case Op.AndI4: fp[ip->A] = (int)fp[ip->B] & (int)fp[ip->C]; break;
                    case Op.OrI4: fp[ip->A] = (int)fp[ip->B] | (int)fp[ip->C]; break;
                    case Op.XorI4: fp[ip->A] = (int)fp[ip->B] ^ (int)fp[ip->C]; break;
                    case Op.ShlI4: fp[ip->A] = (int)fp[ip->B] << (int)fp[ip->C]; break;
                    case Op.ShrI4: fp[ip->A] = (int)fp[ip->B] >> (int)fp[ip->C]; break;
                    case Op.ShrUnI4: fp[ip->A] = (int)((uint)fp[ip->B] >> (int)fp[ip->C]); break;
                    case Op.AddI8: fp[ip->A] = fp[ip->B] + fp[ip->C]; break;
                    case Op.SubI8: fp[ip->A] = fp[ip->B] - fp[ip->C]; break;
                    case Op.MulI8: fp[ip->A] = fp[ip->B] * fp[ip->C]; break;
                    case Op.DivI8: frame.Pc = (int)(ip - code); fp[ip->A] = Arithmetic.DivI8(fp[ip->B], fp[ip->C]); break;
                    case Op.DivUnI8: frame.Pc = (int)(ip - code); fp[ip->A] = (long)Arithmetic.DivUnI8((ulong)fp[ip->B], (ulong)fp[ip->C]); break;
                    case Op.RemI8: frame.Pc = (int)(ip - code); fp[ip->A] = Arithmetic.RemI8(fp[ip->B], fp[ip->C]); break;
                    case Op.RemUnI8: frame.Pc = (int)(ip - code); fp[ip->A] = (long)Arithmetic.RemUnI8((ulong)fp[ip->B], (ulong)fp[ip->C]); break;
                    case Op.AndI8: fp[ip->A] = fp[ip->B] & fp[ip->C]; break;
                    case Op.OrI8: fp[ip->A] = fp[ip->B] | fp[ip->C]; break;
                    case Op.XorI8: fp[ip->A] = fp[ip->B] ^ fp[ip->C]; break;
                    case Op.ShlI8: fp[ip->A] = fp[ip->B] << (int)fp[ip->C]; break;
                    case Op.ShrI8: fp[ip->A] = fp[ip->B] >> (int)fp[ip->C]; break;
                    case Op.ShrUnI8: fp[ip->A] = (long)((ulong)fp[ip->B] >> (int)fp[ip->C]); break;
                    case Op.AddR4: *(float*)(fp + ip->A) = *(float*)(fp + ip->B) + *(float*)(fp + ip->C); break;
                    case Op.SubR4: *(float*)(fp + ip->A) = *(float*)(fp + ip->B) - *(float*)(fp + ip->C); break;
                    case Op.MulR4: *(float*)(fp + ip->A) = *(float*)(fp + ip->B) * *(float*)(fp + ip->C); break;
                    case Op.DivR4: *(float*)(fp + ip->A) = *(float*)(fp + ip->B) / *(float*)(fp + ip->C); break;
                    case Op.RemR4: *(float*)(fp + ip->A) = *(float*)(fp + ip->B) % *(float*)(fp + ip->C); break;
                    case Op.AddR8: *(double*)(fp + ip->A) = *(double*)(fp + ip->B) + *(double*)(fp + ip->C); break;
                    case Op.SubR8: *(double*)(fp + ip->A) = *(double*)(fp + ip->B) - *(double*)(fp + ip->C); break;
                    case Op.MulR8: *(double*)(fp + ip->A) = *(double*)(fp + ip->B) * *(double*)(fp + ip->C); break;
                    case Op.DivR8: *(double*)(fp + ip->A) = *(double*)(fp + ip->B) / *(double*)(fp + ip->C); break;
                    case Op.RemR8: *(double*)(fp + ip->A) = *(double*)(fp + ip->B) % *(double*)(fp + ip->C); break;
                    case Op.AddOvfI4: frame.Pc = (int)(ip - code); fp[ip->A] = checked((int)fp[ip->B] + (int)fp[ip->C]); break;
                    case Op.AddOvfUnI4: frame.Pc = (int)(ip - code); fp[ip->A] = (int)checked((uint)fp[ip->B] + (uint)fp[ip->C]); break;
                    case Op.SubOvfI4: frame.Pc = (int)(ip - code); fp[ip->A] = checked((int)fp[ip->B] - (int)fp[ip->C]); break;
                    case Op.SubOvfUnI4: frame.Pc = (int)(ip - code); fp[ip->A] = (int)checked((uint)fp[ip->B] - (uint)fp[ip->C]); break;
                    case Op.MulOvfI4: frame.Pc = (int)(ip - code); fp[ip->A] = checked((int)fp[ip->B] * (int)fp[ip->C]); break;
                    case Op.MulOvfUnI4: frame.Pc = (int)(ip - code); fp[ip->A] = (int)checked((uint)fp[ip->B] * (uint)fp[ip->C]); break;
                    case Op.AddOvfI8: frame.Pc = (int)(ip - code); fp[ip->A] = checked(fp[ip->B] + fp[ip->C]); break;
                    case Op.AddOvfUnI8: frame.Pc = (int)(ip - code); fp[ip->A] = (long)checked((ulong)fp[ip->B] + (ulong)fp[ip->C]); break;
                    case Op.SubOvfI8: frame.Pc = (int)(ip - code); fp[ip->A] = checked(fp[ip->B] - fp[ip->C]); break;
                    case Op.SubOvfUnI8: frame.Pc = (int)(ip - code); fp[ip->A] = (long)checked((ulong)fp[ip->B] - (ulong)fp[ip->C]); break;
                    case Op.MulOvfI8: frame.Pc = (int)(ip - code); fp[ip->A] = checked(fp[ip->B] * fp[ip->C]); break;
                    case Op.MulOvfUnI8: frame.Pc = (int)(ip - code); fp[ip->A] = (long)checked((ulong)fp[ip->B] * (ulong)fp[ip->C]); break;
                    case Op.AddI4Imm: fp[ip->A] = (int)fp[ip->B] + (int)ip->Imm; break;
                    case Op.MulI4Imm: fp[ip->A] = (int)fp[ip->B] * (int)ip->Imm; break;
                    case Op.AndI4Imm: fp[ip->A] = (int)fp[ip->B] & (int)ip->Imm; break;
                    case Op.OrI4Imm: fp[ip->A] = (int)fp[ip->B] | (int)ip->Imm; break;
                    case Op.XorI4Imm: fp[ip->A] = (int)fp[ip->B] ^ (int)ip->Imm; break;
                    case Op.ShlI4Imm: fp[ip->A] = (int)fp[ip->B] << (int)ip->Imm; break;
                    case Op.ShrI4Imm: fp[ip->A] = (int)fp[ip->B] >> (int)ip->Imm; break;
                    case Op.ShrUnI4Imm: fp[ip->A] = (int)((uint)fp[ip->B] >> (int)ip->Imm); break;
                    case Op.DivI4Imm: fp[ip->A] = (int)fp[ip->B] / (int)ip->Imm; break;
                    case Op.RemI4Imm: fp[ip->A] = (int)fp[ip->B] % (int)ip->Imm; break;
                    case Op.NegI4: fp[ip->A] = -(int)fp[ip->B]; break;
                    case Op.NegI8: fp[ip->A] = -fp[ip->B]; break;
                    case Op.NegR4: *(float*)(fp + ip->A) = -*(float*)(fp + ip->B); break;
                    case Op.NegR8: *(double*)(fp + ip->A) = -*(double*)(fp + ip->B); break;
                    case Op.NotI4: fp[ip->A] = ~(int)fp[ip->B]; break;
                    case Op.NotI8: fp[ip->A] = ~fp[ip->B]; break;
                    case Op.Convert: frame.Pc = (int)(ip - code); Conversions.Convert(fp + ip->A, fp + ip->B, ip->C); break;
                    case Op.ConvI4ToR8: *(double*)(fp + ip->A) = (int)fp[ip->B]; break;
                    case Op.ConvI8ToR8: *(double*)(fp + ip->A) = fp[ip->B]; break;
                    case Op.ConvR8ToI4: fp[ip->A] = (int)*(double*)(fp + ip->B); break;
                    case Op.ConvR4ToR8: *(double*)(fp + ip->A) = *(float*)(fp + ip->B); break;
                    case Op.ConvR8ToR4: *(float*)(fp + ip->A) = (float)*(double*)(fp + ip->B); break;
                    case Op.ConvI8ToI4: fp[ip->A] = (int)fp[ip->B]; break;
                    case Op.ConvU4ToI8: fp[ip->A] = (uint)fp[ip->B]; break;
                    case Op.ConvI4ToU1: fp[ip->A] = (byte)fp[ip->B]; break;
                    case Op.ConvI4ToU2: fp[ip->A] = (ushort)fp[ip->B]; break;
                    case Op.ConvI4ToI2: fp[ip->A] = (short)fp[ip->B]; break;
                    case Op.ConvI4ToI1: fp[ip->A] = (sbyte)fp[ip->B]; break;
                    case Op.CkFiniteR8: if (!double.IsFinite(*(double*)(fp + ip->B))) { frame.Pc = (int)(ip - code); throw new ManagedRuntimeError(RuntimeErrorKind.Arithmetic); } break;
                    case Op.CkFiniteR4: if (!float.IsFinite(*(float*)(fp + ip->B))) { frame.Pc = (int)(ip - code); throw new ManagedRuntimeError(RuntimeErrorKind.Arithmetic); } break;

                    case Op.CeqI4: fp[ip->A] = (int)fp[ip->B] == (int)fp[ip->C] ? 1 : 0; break;
                    case Op.CgtI4: fp[ip->A] = (int)fp[ip->B] > (int)fp[ip->C] ? 1 : 0; break;
                    case Op.CgtUnI4: fp[ip->A] = (uint)fp[ip->B] > (uint)fp[ip->C] ? 1 : 0; break;
                    case Op.CltI4: fp[ip->A] = (int)fp[ip->B] < (int)fp[ip->C] ? 1 : 0; break;
                    case Op.CltUnI4: fp[ip->A] = (uint)fp[ip->B] < (uint)fp[ip->C] ? 1 : 0; break;
                    case Op.CeqI8: fp[ip->A] = fp[ip->B] == fp[ip->C] ? 1 : 0; break;
                    case Op.CgtI8: fp[ip->A] = fp[ip->B] > fp[ip->C] ? 1 : 0; break;
                    case Op.CgtUnI8: fp[ip->A] = (ulong)fp[ip->B] > (ulong)fp[ip->C] ? 1 : 0; break;
                    case Op.CltI8: fp[ip->A] = fp[ip->B] < fp[ip->C] ? 1 : 0; break;
                    case Op.CltUnI8: fp[ip->A] = (ulong)fp[ip->B] < (ulong)fp[ip->C] ? 1 : 0; break;
                    case Op.CeqR8: fp[ip->A] = *(double*)(fp + ip->B) == *(double*)(fp + ip->C) ? 1 : 0; break;
                    case Op.CgtR8: fp[ip->A] = *(double*)(fp + ip->B) > *(double*)(fp + ip->C) ? 1 : 0; break;
                    case Op.CgtUnR8: fp[ip->A] = !(*(double*)(fp + ip->B) <= *(double*)(fp + ip->C)) ? 1 : 0; break;
                    case Op.CltR8: fp[ip->A] = *(double*)(fp + ip->B) < *(double*)(fp + ip->C) ? 1 : 0; break;
                    case Op.CltUnR8: fp[ip->A] = !(*(double*)(fp + ip->B) >= *(double*)(fp + ip->C)) ? 1 : 0; break;

                    case Op.Br: ip = code + ip->Imm; continue;
                    case Op.BrTrue: if (fp[ip->A] != 0) { ip = code + ip->Imm; continue; } break;
                    case Op.BrFalse: if (fp[ip->A] == 0) { ip = code + ip->Imm; continue; } break;
                    case Op.BeqI4: if ((int)fp[ip->A] == (int)fp[ip->B]) { ip = code + ip->Imm; continue; } break;
                    case Op.BneUnI4: if ((int)fp[ip->A] != (int)fp[ip->B]) { ip = code + ip->Imm; continue; } break;
                    case Op.BltI4: if ((int)fp[ip->A] < (int)fp[ip->B]) { ip = code + ip->Imm; continue; } break;
                    case Op.BltUnI4: if ((uint)fp[ip->A] < (uint)fp[ip->B]) { ip = code + ip->Imm; continue; } break;
                    case Op.BleI4: if ((int)fp[ip->A] <= (int)fp[ip->B]) { ip = code + ip->Imm; continue; } break;
                    case Op.BleUnI4: if ((uint)fp[ip->A] <= (uint)fp[ip->B]) { ip = code + ip->Imm; continue; } break;
                    case Op.BgtI4: if ((int)fp[ip->A] > (int)fp[ip->B]) { ip = code + ip->Imm; continue; } break;
                    case Op.BgtUnI4: if ((uint)fp[ip->A] > (uint)fp[ip->B]) { ip = code + ip->Imm; continue; } break;
                    case Op.BgeI4: if ((int)fp[ip->A] >= (int)fp[ip->B]) { ip = code + ip->Imm; continue; } break;
                    case Op.BgeUnI4: if ((uint)fp[ip->A] >= (uint)fp[ip->B]) { ip = code + ip->Imm; continue; } break;
                    case Op.BeqI8: if (fp[ip->A] == fp[ip->B]) { ip = code + ip->Imm; continue; } break;
                    case Op.BneUnI8: if (fp[ip->A] != fp[ip->B]) { ip = code + ip->Imm; continue; } break;
                    case Op.BltI8: if (fp[ip->A] < fp[ip->B]) { ip = code + ip->Imm; continue; } break;
                    case Op.BltUnI8: if ((ulong)fp[ip->A] < (ulong)fp[ip->B]) { ip = code + ip->Imm; continue; } break;
                    case Op.BleI8: if (fp[ip->A] <= fp[ip->B]) { ip = code + ip->Imm; continue; } break;
                    case Op.BleUnI8: if ((ulong)fp[ip->A] <= (ulong)fp[ip->B]) { ip = code + ip->Imm; continue; } break;
                    case Op.BgtI8: if (fp[ip->A] > fp[ip->B]) { ip = code + ip->Imm; continue; } break;
                    case Op.BgtUnI8: if ((ulong)fp[ip->A] > (ulong)fp[ip->B]) { ip = code + ip->Imm; continue; } break;
                    case Op.BgeI8: if (fp[ip->A] >= fp[ip->B]) { ip = code + ip->Imm; continue; } break;
                    case Op.BgeUnI8: if ((ulong)fp[ip->A] >= (ulong)fp[ip->B]) { ip = code + ip->Imm; continue; } break;
                    case Op.BeqR8: if (*(double*)(fp + ip->A) == *(double*)(fp + ip->B)) { ip = code + ip->Imm; continue; } break;
                    case Op.BneUnR8: if (!(*(double*)(fp + ip->A) == *(double*)(fp + ip->B))) { ip = code + ip->Imm; continue; } break;
                    case Op.BltR8: if (*(double*)(fp + ip->A) < *(double*)(fp + ip->B)) { ip = code + ip->Imm; continue; } break;
                    case Op.BltUnR8: if (!(*(double*)(fp + ip->A) >= *(double*)(fp + ip->B))) { ip = code + ip->Imm; continue; } break;
                    case Op.BleR8: if (*(double*)(fp + ip->A) <= *(double*)(fp + ip->B)) { ip = code + ip->Imm; continue; } break;
                    case Op.BleUnR8: if (!(*(double*)(fp + ip->A) > *(double*)(fp + ip->B))) { ip = code + ip->Imm; continue; } break;
                    case Op.BgtR8: if (*(double*)(fp + ip->A) > *(double*)(fp + ip->B)) { ip = code + ip->Imm; continue; } break;
                    case Op.BgtUnR8: if (!(*(double*)(fp + ip->A) <= *(double*)(fp + ip->B))) { ip = code + ip->Imm; continue; } break;
                    case Op.BgeR8: if (*(double*)(fp + ip->A) >= *(double*)(fp + ip->B)) { ip = code + ip->Imm; continue; } break;
                    case Op.BgeUnR8: if (!(*(double*)(fp + ip->A) < *(double*)(fp + ip->B))) { ip = code + ip->Imm; continue; } break;
                    case Op.BeqI4Imm: if ((int)fp[ip->A] == ip->C) { ip = code + ip->Imm; continue; } break;
                    case Op.BneUnI4Imm: if ((int)fp[ip->A] != ip->C) { ip = code + ip->Imm; continue; } break;
                    case Op.BltI4Imm: if ((int)fp[ip->A] < ip->C) { ip = code + ip->Imm; continue; } break;
                    case Op.BltUnI4Imm: if ((uint)fp[ip->A] < (uint)ip->C) { ip = code + ip->Imm; continue; } break;
                    case Op.BleI4Imm: if ((int)fp[ip->A] <= ip->C) { ip = code + ip->Imm; continue; } break;
                    case Op.BleUnI4Imm: if ((uint)fp[ip->A] <= (uint)ip->C) { ip = code + ip->Imm; continue; } break;
                    case Op.BgtI4Imm: if ((int)fp[ip->A] > ip->C) { ip = code + ip->Imm; continue; } break;
                    case Op.BgtUnI4Imm: if ((uint)fp[ip->A] > (uint)ip->C) { ip = code + ip->Imm; continue; } break;
                    case Op.BgeI4Imm: if ((int)fp[ip->A] >= ip->C) { ip = code + ip->Imm; continue; } break;
                    case Op.BgeUnI4Imm: if ((uint)fp[ip->A] >= (uint)ip->C) { ip = code + ip->Imm; continue; } break;
                    case Op.Switch:
                    {
                        var index = (uint)fp[ip->A];
                        if (index < (ulong)ip->Imm) { ip = code + ((int[])tokens[ip->Token])[index]; continue; }
                        break;
                    }

                    // The common array accesses stay in the hot switch; the rest go through Slow.
                    case Op.LdLen:
                    {
                        var array = fp[ip->B];
                        if (array == 0) NullReference(ref frame, ip - code);
                        fp[ip->A] = *(int*)(array + ObjectLayout.ArrayLengthOffset);
                        break;
                    }
                    case Op.LdElemI4: case Op.LdElemU4:
                    {
                        var array = fp[ip->B];
                        var index = fp[ip->C];
                        if (array == 0) NullReference(ref frame, ip - code);
                        if ((ulong)index >= (ulong)*(int*)(array + ObjectLayout.ArrayLengthOffset)) IndexOutOfRange(ref frame, ip - code);
                        fp[ip->A] = ((int*)(array + ObjectLayout.SzArrayDataOffset))[index];
                        break;
                    }
                    case Op.LdElemI8: case Op.LdElemR8:
                    {
                        var array = fp[ip->B];
                        var index = fp[ip->C];
                        if (array == 0) NullReference(ref frame, ip - code);
                        if ((ulong)index >= (ulong)*(int*)(array + ObjectLayout.ArrayLengthOffset)) IndexOutOfRange(ref frame, ip - code);
                        fp[ip->A] = ((long*)(array + ObjectLayout.SzArrayDataOffset))[index];
                        break;
                    }
                    case Op.LdElemU2:
                    {
                        var array = fp[ip->B];
                        var index = fp[ip->C];
                        if (array == 0) NullReference(ref frame, ip - code);
                        if ((ulong)index >= (ulong)*(int*)(array + ObjectLayout.ArrayLengthOffset)) IndexOutOfRange(ref frame, ip - code);
                        fp[ip->A] = ((ushort*)(array + ObjectLayout.SzArrayDataOffset))[index];
                        break;
                    }
                    case Op.LdElemA:
                    {
                        if (ip->Token >= 0) goto default; // an element of reference type: the exact-type check is in Slow
                        var array = fp[ip->B];
                        var index = fp[ip->C];
                        if (array == 0) NullReference(ref frame, ip - code);
                        if ((ulong)index >= (ulong)*(int*)(array + ObjectLayout.ArrayLengthOffset)) IndexOutOfRange(ref frame, ip - code);
                        fp[ip->A] = array + ObjectLayout.SzArrayDataOffset + index * ip->Imm;
                        break;
                    }
                    case Op.StElemI4:
                    {
                        var array = fp[ip->A];
                        var index = fp[ip->B];
                        if (array == 0) NullReference(ref frame, ip - code);
                        if ((ulong)index >= (ulong)*(int*)(array + ObjectLayout.ArrayLengthOffset)) IndexOutOfRange(ref frame, ip - code);
                        ((int*)(array + ObjectLayout.SzArrayDataOffset))[index] = (int)fp[ip->C];
                        break;
                    }
                    case Op.StElemI8:
                    {
                        var array = fp[ip->A];
                        var index = fp[ip->B];
                        if (array == 0) NullReference(ref frame, ip - code);
                        if ((ulong)index >= (ulong)*(int*)(array + ObjectLayout.ArrayLengthOffset)) IndexOutOfRange(ref frame, ip - code);
                        ((long*)(array + ObjectLayout.SzArrayDataOffset))[index] = fp[ip->C];
                        break;
                    }

                    // Calls stay in the hot switch: the commonest operations that leave a method.
                    case Op.Call:
                        frame.Pc = (int)(ip - code);
                        if (ip->C != 0 && fp[ip->A] == 0) NullReference(ref frame, ip - code); // callvirt's check of `this`
                        target = (RuntimeMethod)tokens[ip->Token];
                        args = fp + ip->A;
                        newObject = 0;
                        goto Call;
                    case Op.CallVirt: case Op.CallInterface:
                        frame.Pc = (int)(ip - code);
                        args = fp + ip->A;
                        target = ResolveVirtual((CallSite)tokens[ip->Token], args);
                        newObject = 0;
                        goto Call;
                    case Op.NewObj:
                        frame.Pc = (int)(ip - code);
                        target = (RuntimeMethod)tokens[ip->Token];
                        args = fp + ip->A;
                        newObject = AllocateForConstructor(target, args, ip->B);
                        goto Call;

                    case Op.Ret:
                        if (ip->B == 1) fp[0] = fp[ip->A];
                        else if (ip->B > 1) Buffer.MemoryCopy(fp + ip->A, fp, ip->B * 8, ip->B * 8);
                        if (frame.ReturnIp == null) return 0;
                        // Back to the caller of an inline frame.
                        ip = frame.ReturnIp;
                        t.Top = frame.CallerTop;
                        if (frame.NewObject != 0) fp[0] = frame.NewObject;
                        t.Depth--;
                        frame = ref t.Current;
                        pm = t.MethodOf(frame);
                        fp = frame.Fp;
                        code = pm.CodeStart;
                        tokens = pm.Tokens;
                        continue;
                    case Op.EndFinally: return 0;
                    case Op.EndFilter: return (int)fp[ip->A];

                    default:
                        frame.Pc = (int)(ip - code);
                        ip = code + Slow(pm, fp, ip, code, tokens);
                        continue;
                }
                ip++;
                continue;

            Call:
                // A method without exception clauses runs here, in this loop, from its first instruction;
                // anything else gets a host call of its own.
                var callee = target.Prepared;
                if (callee is null || !callee.RunsInline)
                {
                    Invoke(target, args);
                    if (newObject != 0) args[0] = newObject;
                    ip++;
                    continue;
                }
                if (--callee.HotCountdown == 0) OnHot(callee);
                EnterFrame(callee, args, ip + 1, newObject);
                pm = callee;
                fp = args;
                code = pm.CodeStart;
                tokens = pm.Tokens;
                frame = ref t.Current;
                ip = code;
            }
        }
    }
}
