using SampleApp.Faults;

namespace SampleApp.Users;

/// <summary>The application's own routes: all users, and one user by id.</summary>
internal static class UserEndpoints
{
    public static void MapUserEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", async (UserStore store, CancellationToken cancellationToken) =>
                TypedResults.Ok(await store.ScanAllAsync(cancellationToken)))
            .WithMetadata(new FaultableAttribute());

        routes.MapGet("/users/{id}", async Task<IResult> (string id, UserStore store, CancellationToken cancellationToken) =>
            {
                if (!UserIds.IsWellFormed(id))
                {
                    return TypedResults.Problem(
                        title: "Malformed user id",
                        detail: $"A user id is {UserIds.Rule}.",
                        statusCode: StatusCodes.Status400BadRequest);
                }

                return await store.FindAsync(id, cancellationToken) is { } item
                    ? TypedResults.Ok(item)
                    : TypedResults.Problem(
                        title: "User not found",
                        detail: $"No user has the id '{id}'.",
                        statusCode: StatusCodes.Status404NotFound);
            })
            .WithMetadata(new FaultableAttribute());
    }
}
