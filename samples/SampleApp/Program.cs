using Amazon.DynamoDBv2;
using Amazon.Runtime;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using SampleApp.Faults;
using SampleApp.Health;
using SampleApp.Hosting;
using SampleApp.Http;
using SampleApp.Settings;
using SampleApp.Users;

var builder = WebApplication.CreateSlimBuilder(args);

var errors = new List<string>();
var settings = AppSettingsReader.Read(builder.Configuration, errors);
if (errors.Count > 0)
{
    foreach (var error in errors)
    {
        await Console.Error.WriteLineAsync(error);
    }

    return 2;
}

if (ListenAddresses.DefaultUnlessConfigured(builder.Configuration) is { } defaultAddress)
{
    builder.WebHost.UseUrls(defaultAddress);
}

builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = settings.ShutdownTimeout);
builder.Services.AddSingleton(settings);
builder.Services.AddSingleton(settings.Faults);
builder.Services.AddSingleton<FaultDice>();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<IAmazonDynamoDB>(_ => DynamoDbClients.Create(settings));
builder.Services.AddSingleton<UserStore>();
builder.Services.AddSingleton<ItemsCache>();
builder.Services.AddSingleton(services => new ReadinessProbe(
    services.GetRequiredService<UserStore>().CheckTableAsync,
    services.GetRequiredService<TimeProvider>(),
    settings.ReadinessCache,
    settings.DatabaseTimeout,
    settings.TableName));
builder.Services.AddHostedService<ReadinessLifecycle>();
builder.Services.AddHostedService<ParentWatchdog>();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<DatabaseFailureHandler>();
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new AttributeValueJsonConverter()));
builder.Services.AddOpenTelemetry()
    .ConfigureResource(resource => resource.AddService("sample-app", serviceVersion: HealthEndpoints.AppVersion))
    .WithMetrics(metrics => metrics
        .AddAspNetCoreInstrumentation()
        .AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0));

var app = builder.Build();

try
{
    app.Services.GetRequiredService<IAmazonDynamoDB>();
}
catch (AmazonClientException error)
{
    await Console.Error.WriteLineAsync(
        $"Cannot create the DynamoDB client: {error.Message.TrimEnd('.')}. Set AWS_REGION (for example ap-northeast-1), " +
        "and AWS_ENDPOINT_URL_DYNAMODB for a local database.");
    return 2;
}

app.UseMiddleware<ServedByMiddleware>();
app.UseExceptionHandler();
app.UseRouting();
app.UseMiddleware<FaultInjectionMiddleware>();
app.MapUserEndpoints();
app.MapHealthEndpoints();
app.MapPrometheusScrapingEndpoint("/metrics");

await app.RunAsync();
return 0;
