// The baseline of bench/ingest.sh, and its stored-count check. Two modes:
//   BareEndpoint serve PORT   Kestrel on 127.0.0.1:PORT whose POST /api/event only answers 202 (no body read).
//   BareEndpoint count FILE   prints the number of rows of `events` (the view that decodes the stored rows) in a DuckDB file (opened read-only).
using DuckDB.NET.Data;

switch (args)
{
    case ["serve", var port]:
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapPost("/api/event", () => Results.StatusCode(202));
        app.Run();
        return 0;
    }
    case ["count", var file]:
    {
        using var connection = new DuckDBConnection($"Data Source={file};ACCESS_MODE=READ_ONLY");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM events";
        Console.WriteLine(Convert.ToInt64(command.ExecuteScalar()));
        return 0;
    }
    default:
        Console.Error.WriteLine("usage: BareEndpoint serve PORT | BareEndpoint count FILE");
        return 2;
}
