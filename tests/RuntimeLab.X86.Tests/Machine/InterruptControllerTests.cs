using RuntimeLab.X86.Devices;

namespace RuntimeLab.X86.Tests.Machine;

/// <summary>The 8259A pair: SeaBIOS's power-on state, priorities, EOI, and the cascade.</summary>
public sealed class InterruptControllerTests
{
    private static InterruptControllers Remapped()
    {
        var pic = new InterruptControllers();
        byte[] init = [0x11, 0x20, 0x04, 0x01];
        byte[] slaveInit = [0x11, 0x28, 0x02, 0x01];
        pic.Write(0x20, 1, init[0]); pic.Write(0xA0, 1, slaveInit[0]);
        for (var k = 1; k < 4; k++) { pic.Write(0x21, 1, init[k]); pic.Write(0xA1, 1, slaveInit[k]); }
        return pic;
    }

    [Fact]
    public void PowerOnStateIsWhatSeaBiosLeaves()
    {
        var pic = new InterruptControllers();
        Assert.Equal(0xB8u, pic.Read(0x21, 1));
        Assert.Equal(0x8Eu, pic.Read(0xA1, 1));
        pic.Pulse(0);
        Assert.Equal((byte)0x08, pic.Acknowledge());
    }

    [Fact]
    public void TheLowestLineWinsAndBlocksOthersUntilItsEoi()
    {
        var pic = Remapped();
        pic.Pulse(4);
        pic.Pulse(1);
        Assert.Equal((byte)0x21, pic.Acknowledge());
        Assert.Null(pic.Acknowledge());  // line 4 waits: line 1 is in service
        pic.Write(0x20, 1, 0x20);         // non-specific EOI
        Assert.Equal((byte)0x24, pic.Acknowledge());
    }

    [Fact]
    public void MaskedLinesWaitAndSlaveLinesCascadeThroughLine2()
    {
        var pic = Remapped();
        pic.Write(0x21, 1, 0xFF);
        pic.Pulse(9);
        Assert.False(pic.HasPending);
        pic.Write(0x21, 1, 0xFB);         // unmask the cascade
        Assert.True(pic.HasPending);
        Assert.Equal((byte)0x29, pic.Acknowledge());
    }
}
