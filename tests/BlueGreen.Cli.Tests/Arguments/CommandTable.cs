namespace BlueGreen.Cli.Tests.Arguments;

/// <summary>
/// Every command of bluegreen with what a test needs to call it: the arguments it requires, a mistyped option of
/// its own (with a value where the option takes one) and the option that was meant, and an option that takes a
/// value. A new command is covered by adding its row; <see cref="CommandTableTests"/> fails until it is added.
/// </summary>
internal static class CommandTable
{
    public static IReadOnlyList<CommandRow> Rows { get; } =
    [
        new("validate", [], ["--confg", "bluegreen.yaml"], "--config", "--config"),
        new("synth", [], ["--uot", "out"], "--out", "--out"),
        new("gitops render", [], ["--chek"], "--check", "--dir"),
        new("preflight", [], ["--too", "green"], "--to", "--to"),
        new("bootstrap", ["green"], ["--manfest", "install.yaml"], "--manifest", "--timeout"),
        new("rehearse", [], ["--fualt", "green:errors=20%"], "--fault", "--report"),
        new("sandbox up", [], ["--dns-prot", "5353"], "--dns-port", "--service-port"),
        new("upgrade", [], ["--force-unlok", "0123abcd"], "--force-unlock", "--force-unlock"),
        new("status", [], ["--tagret", "aws"], "--target", "--target"),
        new("shift", ["25"], ["--zone-di", "Z0123456789TESTZONE"], "--zone-id", "--journal-bucket"),
        new("pause", [], ["--journal-buckt", "test-common-journal"], "--journal-bucket", "--zone-id"),
        new("resume", [], ["--forceunlock", "0123abcd"], "--force-unlock", "--prometheus-url"),
        new("abort", [], ["--expected-comit", "0123abcd"], "--expected-commit", "--expected-commit"),
        new("promote", [], ["--forse"], "--force", "--output"),
        new("rollback", [], ["--prometheus-uri", "http://127.0.0.1:9090"], "--prometheus-url", "--prometheus-url"),
        new("decommission", ["blue"], ["--destory"], "--destroy", "--journal-bucket"),
    ];

    public static CommandRow Get(string command) => Rows.Single(r => r.Command == command);

    public static TheoryData<string> Commands() => [.. Rows.Select(r => r.Command)];
}
