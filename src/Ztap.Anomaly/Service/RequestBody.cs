using System.Text.Json;

namespace Ztap.Anomaly.Service;

/// <summary>Reads a request body of bounded size and parses it as JSON, turning each way it can fail into a response.</summary>
internal static class RequestBody
{
    public static async Task<(JsonDocument? Json, ServiceResponse? Problem)> ReadAsync(
        Stream body, long declaredLength, int maxBytes, CancellationToken cancellationToken)
    {
        if (declaredLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        // A chunked body declares no length, so the limit is enforced while reading as well.
        var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, TooLarge(maxBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            var options = new JsonDocumentOptions { MaxDepth = 16 };
            return (JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), options), null);
        }
        catch (JsonException e)
        {
            return (null, ServiceResponse.Error(400, $"the body is not valid JSON: {e.Message}"));
        }
    }

    private static ServiceResponse TooLarge(int maxBytes) =>
        ServiceResponse.Error(413, $"the body is larger than the {maxBytes} bytes accepted");
}
