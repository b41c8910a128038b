using System.Runtime.InteropServices;

namespace GenesysCloud.Extensions.Simulator.Hosting;

/// <summary>
/// Undoes an inherited "ignore SIGINT". A non-interactive shell starts background jobs with SIGINT and SIGQUIT ignored, and
/// the .NET runtime honours an ignored disposition by never installing its handler, so a <see cref="PosixSignalRegistration"/>
/// would never see the signal and scripts that stop the simulator with <c>kill -INT</c> would hang on it.
/// </summary>
internal static class InheritedSignalDisposition
{
    private const int SigInt = 2;
    private const int SigQuit = 3;
    private static readonly nint DefaultAction = 0;

    /// <summary>Restores the default disposition of SIGINT and SIGQUIT; must run before the first signal registration.</summary>
    public static void RestoreInterruptAndQuit()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() && !OperatingSystem.IsFreeBSD())
        {
            return;
        }

        try
        {
            // SIGINT and SIGQUIT have the same numbers on Linux, macOS and FreeBSD.
            _ = Signal(SigInt, DefaultAction);
            _ = Signal(SigQuit, DefaultAction);
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            // Without libc's signal() the inherited disposition stays; SIGTERM still stops the simulator.
        }
    }

    [DllImport("libc", EntryPoint = "signal")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern nint Signal(int signal, nint handler);
}
