namespace BriefGen.Cli.Serve;

/// <summary>
/// The script <c>serve</c> adds to every HTML page it serves (never to <c>build</c> output): it reloads the
/// page after a rebuild and shows the diagnostics of a failed one as an overlay.
/// </summary>
internal static class LiveReload
{
    public const string EventsPath = "/__briefgen/events";

    public const string Script = """
        <script>
        (function () {
          "use strict";
          var source = new EventSource("/__briefgen/events");
          function overlay(text) {
            var box = document.getElementById("briefgen-overlay");
            if (!text) { if (box) { box.remove(); } return; }
            if (!box) {
              box = document.createElement("div");
              box.id = "briefgen-overlay";
              box.setAttribute("role", "alert");
              box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;z-index:1000;margin:0;padding:1rem;background:#2b0b0e;color:#ffd7d9;font:13px/1.5 ui-monospace,monospace;white-space:pre-wrap;border-top:4px solid #d62d3b";
              document.body.appendChild(box);
            }
            box.textContent = "BriefGen: the last edit has errors; showing the last good build.\n\n" + text;
          }
          source.addEventListener("reload", function () { window.location.reload(); });
          source.addEventListener("errors", function (e) { overlay(JSON.parse(e.data)); });
          source.addEventListener("ok", function () { overlay(""); });
        })();
        </script>
        """;

    /// <summary>Adds the script before &lt;/body&gt;.</summary>
    public static byte[] Inject(byte[] html)
    {
        var text = System.Text.Encoding.UTF8.GetString(html);
        var at = text.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        text = at < 0 ? text + Script : text[..at] + Script + text[at..];
        return System.Text.Encoding.UTF8.GetBytes(text);
    }
}
