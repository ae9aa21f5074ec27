namespace RuntimeLab.Jit;

/// <summary>A failure inside the backend (invalid IR, a failed lookup, codegen), reported with LLVM's message.</summary>
public class JitException(string message) : Exception(message);

/// <summary>The IR verifier rejected a module; nothing was added to the JIT.</summary>
public sealed class IrVerificationException(string moduleName, string verifierMessage)
    : JitException($"invalid LLVM IR in module '{moduleName}': {verifierMessage}")
{
    public string VerifierMessage { get; } = verifierMessage;
}
