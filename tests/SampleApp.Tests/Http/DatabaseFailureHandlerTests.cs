using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SampleApp.Health;
using SampleApp.Http;
using SampleApp.Settings;

namespace SampleApp.Tests.Http;

public sealed class DatabaseFailureHandlerTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
    private readonly ReadinessProbe _readiness = new(_ => Task.FromResult<string?>(null), new FakeTimeProvider(), TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(5), "users");

    [Fact]
    public async Task DatabaseFailure_Answers503Problem_AndTurnsReadinessFalse()
    {
        var context = NewContext();
        Assert.True((await _readiness.CheckAsync(CancellationToken.None)).IsReady);

        var handled = await CreateHandler().TryHandleAsync(context, new ResourceNotFoundException("gone"), CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("1", context.Response.Headers.RetryAfter.ToString());
        context.Response.Body.Position = 0;
        var problem = JsonDocument.Parse(context.Response.Body).RootElement;
        Assert.Equal("Database unavailable", problem.GetProperty("title").GetString());
        Assert.Contains("table 'users' does not exist", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("table 'users' does not exist", (await _readiness.CheckAsync(CancellationToken.None)).Reason);
    }

    [Fact]
    public async Task RejectedRequest_Answers500Problem_AndLeavesReadinessAlone()
    {
        var context = NewContext();
        var rejected = new Amazon.DynamoDBv2.AmazonDynamoDBException("The provided key element does not match the schema")
        {
            ErrorCode = "ValidationException",
            StatusCode = System.Net.HttpStatusCode.BadRequest,
        };

        var handled = await CreateHandler().TryHandleAsync(context, rejected, CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status500InternalServerError, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        var problem = JsonDocument.Parse(context.Response.Body).RootElement;
        Assert.Equal("Request rejected by the database", problem.GetProperty("title").GetString());
        Assert.Contains("the database rejected the request (Validation, HTTP 400)", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("BLUEGREEN_PARTITION_KEY", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True((await _readiness.CheckAsync(CancellationToken.None)).IsReady);
    }

    [Fact]
    public async Task ProgrammingError_IsLeftToTheGeneric500()
    {
        var context = NewContext();

        var handled = await CreateHandler().TryHandleAsync(context, new InvalidOperationException("bug"), CancellationToken.None);

        Assert.False(handled);
        Assert.True((await _readiness.CheckAsync(CancellationToken.None)).IsReady);
    }

    [Fact]
    public async Task AbortedRequest_IsNotBlamedOnTheDatabase()
    {
        using var aborted = new CancellationTokenSource();
        var context = NewContext();
        context.RequestAborted = aborted.Token;
        await aborted.CancelAsync();

        var handled = await CreateHandler().TryHandleAsync(context, new TaskCanceledException(), CancellationToken.None);

        Assert.False(handled);
        Assert.True((await _readiness.CheckAsync(CancellationToken.None)).IsReady);
    }

    public void Dispose()
    {
        _readiness.Dispose();
        _services.Dispose();
    }

    private DatabaseFailureHandler CreateHandler() => new(
        _services.GetRequiredService<Microsoft.AspNetCore.Http.IProblemDetailsService>(),
        _readiness,
        new AppSettings { TableName = "users" },
        NullLogger<DatabaseFailureHandler>.Instance);

    private DefaultHttpContext NewContext() => new()
    {
        RequestServices = _services,
        Request = { Path = "/" },
        Response = { Body = new MemoryStream() },
    };
}
