using System.ComponentModel;
using BlueGreen.Cli.Composition;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Cli.Sandbox;
using BlueGreen.Cli.Targets;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Engine;
using BlueGreen.Core.Text;
using BlueGreen.Sandbox.Control;
using BlueGreen.Sandbox.Database;
using BlueGreen.Sandbox.Faults;
using BlueGreen.Sandbox.Hosting;
using BlueGreen.Sandbox.Processes;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BlueGreen.Cli.Commands;

/// <summary><c>bluegreen sandbox up</c>: keeps a sandbox running until Ctrl+C, for <c>upgrade</c>, <c>status</c> and the operator commands.</summary>
[Description("Start the local sandbox (live colour at 100 %) and keep it running until Ctrl+C; other commands act on it.")]
public sealed class SandboxUpCommand(IAnsiConsole console, TimeProvider timeProvider, AwsModeServices aws) : ConfigCommand<SandboxUpCommand.Settings>(console, timeProvider)
{
    /// <summary>Options of <c>sandbox up</c>.</summary>
    public sealed class Settings : GlobalSettings
    {
        [CommandOption("--fault <SPEC>")]
        [Description("Inject a fault into a colour once it takes traffic: COLOUR:errors=20%, COLOUR:latency=400ms, COLOUR:kill=1 (repeatable).")]
        public string[] Faults { get; init; } = [];

        [CommandOption("--dns-port <PORT>")]
        [Description("UDP port of the DNS server on 127.0.0.1; 0 takes a free one.")]
        [DefaultValue(0)]
        public int DnsPort { get; init; }

        [CommandOption("--service-port <PORT>")]
        [Description("TCP port of every colour's load balancer; 0 takes one free on all their addresses.")]
        [DefaultValue(0)]
        public int ServicePort { get; init; }

        [CommandOption("--aws-endpoint <URL>")]
        [Description("Keep the traffic in Route53 at this AWS-compatible endpoint (`auto` starts moto_server): the DNS server serves that zone, and `--target aws` commands act on it.")]
        public string? AwsEndpoint { get; init; }
    }

    protected override async Task<int> ExecuteAsync(EnvironmentConfig config, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.DnsPort is < 0 or > 65535 || settings.ServicePort is < 0 or > 65535)
        {
            throw new UserInputException("--dns-port and --service-port must be from 0 to 65535 (0 takes a free port).");
        }

        IReadOnlyList<ColourFault> faults;
        try
        {
            faults = FaultSpecParser.Parse(settings.Faults, [.. config.Clusters.Select(c => c.Colour)], config.Sandbox.Replicas);
        }
        catch (FaultSpecException e)
        {
            throw new UserInputException(e.Message, e);
        }

        if (SandboxState.Read(settings.Config) is { } existing && SandboxEngine.ProcessAlive(existing.Pid))
        {
            throw new CommandFailedException($"A sandbox is already running for {settings.Config} (pid {existing.Pid}, control {existing.Control}). Stop it with Ctrl+C in its terminal first.");
        }

        // A new sandbox starts a new upgrade: the previous sandbox's journal, lock and requests go.
        var engineDirectory = SandboxState.EngineDirectoryFor(settings.Config);
        if (Directory.Exists(engineDirectory))
        {
            Directory.Delete(engineDirectory, recursive: true);
        }

        var options = SandboxOptionsFactory.From(config, faults) with { DnsPort = settings.DnsPort, ServicePort = settings.ServicePort };
        using var shutdown = new ShutdownSignal(cancellationToken);
        try
        {
            // Opened first, so it is stopped last, after the sandbox that follows its zone.
            await using var endpoint = await RehearsalEndpoint.OpenAsync(settings.AwsEndpoint, shutdown.Token);
            AwsRehearsalTarget? target = null;
            if (endpoint is not null)
            {
                var services = await AwsSandboxAccount.ServicesAtAsync(aws, endpoint.Endpoint, shutdown.Token);
                target = new AwsRehearsalTarget(config, services, endpoint.Endpoint, Time, freshJournal: false, line => Print(settings.Output, new SandboxEvent(Time.GetUtcNow(), "aws-endpoint", null, line)));
                options = await target.PrepareAsync(options, shutdown.Token);
            }

            await using var host = await SandboxHost.StartAsync(options, Time, e => Print(settings.Output, e), shutdown.Token);
            await using var control = await SandboxControlServer.StartAsync(host, shutdown.Token);
            var state = new SandboxState
            {
                Pid = Environment.ProcessId,
                StartedAt = Time.GetUtcNow(),
                Control = control.Address,
                Dns = host.DnsEndpoint.ToString(),
                ServiceName = host.Zone.ServiceName,
                ServicePort = host.ServicePort,
                Colours = host.Colours.ToDictionary(c => c.Key, c => c.Value.Address.ToString()),
                ProcessIds = host.ChildProcessIds,
                AwsEndpoint = endpoint?.Endpoint,
                LoadBalancers = target?.LoadBalancers,
            };
            state.Write(settings.Config);
            try
            {
                if (settings.Output == OutputFormat.Json)
                {
                    JsonOutput.WriteLine(Console, new { ready = state });
                }
                else
                {
                    Console.MarkupLineInterpolated($"[green]Sandbox ready.[/] Users resolve {state.ServiceName} through {state.Dns} (UDP) and call port {state.ServicePort}; control {state.Control}.");
                    if (endpoint is null)
                    {
                        Console.MarkupLine("In another terminal: [blue]bluegreen upgrade[/], [blue]bluegreen status[/], [blue]bluegreen pause|resume|promote|abort|rollback[/]. Ctrl+C stops the sandbox.");
                    }
                    else
                    {
                        var at = endpoint.Endpoint.ToString().TrimEnd('/');
                        Console.MarkupLineInterpolated($"The weights are in Route53 at {endpoint.Description}. In another terminal, as against a real account: [blue]bluegreen upgrade --target aws --aws-endpoint {at}[/], and status, shift, pause, resume, promote, abort, rollback the same way; or [blue]aws --endpoint-url {at} route53 list-resource-record-sets --hosted-zone-id {target!.Options.ZoneId}[/]. Ctrl+C stops the sandbox.");
                    }
                }

                await Task.Delay(Timeout.Infinite, shutdown.Token);
            }
            finally
            {
                SandboxState.Delete(settings.Config);
            }
        }
        catch (OperationCanceledException) when (shutdown.Token.IsCancellationRequested)
        {
            Console.MarkupLine("Sandbox stopped: every process it started has been stopped.");
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is SandboxException or DynaliteException or ChildProcessException or FileNotFoundException)
        {
            throw new CommandFailedException($"The sandbox could not start: {Sentences.Clause(e.Message)}. Everything it had started has been stopped.", e);
        }
        catch (Exception e) when (settings.AwsEndpoint is not null && (e is CutoverException || AwsModeErrors.IsExpected(e)))
        {
            throw new CommandFailedException($"The sandbox could not set up its AWS endpoint: {Sentences.Clause(AwsModeErrors.Describe(e))}. Everything it had started has been stopped.", e);
        }

        return ExitCodes.Ok;
    }

    private void Print(OutputFormat output, SandboxEvent sandboxEvent)
    {
        if (output == OutputFormat.Json)
        {
            JsonOutput.WriteLine(Console, sandboxEvent);
        }
        else
        {
            Console.MarkupLineInterpolated($"[grey]{sandboxEvent.At.UtcDateTime:HH:mm:ss.f}[/] {sandboxEvent.Message}");
        }
    }
}
