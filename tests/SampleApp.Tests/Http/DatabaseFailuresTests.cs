using System.Net;
using System.Net.Sockets;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using SampleApp.Http;

namespace SampleApp.Tests.Http;

public sealed class DatabaseFailuresTests
{
    [Fact]
    public void MissingTable_IsNamed()
    {
        var error = new ResourceNotFoundException("Requested resource not found");

        Assert.True(DatabaseFailures.IsDatabaseFailure(error));
        Assert.Equal("table 'users' does not exist", DatabaseFailures.Describe(error, "users"));
    }

    [Fact]
    public void RefusedRequest_NamesTheErrorCode()
    {
        var error = new AmazonDynamoDBException("denied") { ErrorCode = "AccessDeniedException", StatusCode = HttpStatusCode.BadRequest };

        Assert.Equal("the database refused the request (AccessDeniedException, HTTP 400)", DatabaseFailures.Describe(error, "users"));
    }

    [Fact]
    public void ConnectionFailure_IsUnreachable_EvenWhenWrapped()
    {
        var error = new AmazonClientException("wrapped", new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)));

        Assert.True(DatabaseFailures.IsDatabaseFailure(error));
        Assert.Equal("the database is unreachable", DatabaseFailures.Describe(error, "users"));
        Assert.True(DatabaseFailures.IsDatabaseFailure(new InvalidOperationException("outer", new HttpRequestException("inner"))));
    }

    [Fact]
    public void Timeout_SaysSo()
    {
        Assert.Equal("the database did not answer in time", DatabaseFailures.Describe(new TaskCanceledException(), "users"));
    }

    [Fact]
    public void ProgrammingError_IsNotADatabaseFailure()
    {
        Assert.False(DatabaseFailures.IsDatabaseFailure(new InvalidOperationException("bug")));
        Assert.False(DatabaseFailures.IsDatabaseFailure(new NullReferenceException()));
    }
}
