namespace BriefGen.Cli.Serve;

/// <summary>
/// The script <c>serve</c> adds to every HTML page it serves (never to <c>build</c> output), as a file of its
/// own so pages can keep a strict Content-Security-Policy (<c>script-src 'self'</c>): it reloads the page after
/// a rebuild and shows the diagnostics of a failed one as an overlay.
/// </summary>
internal static class LiveReload
{
    public const string EventsPath = "/__briefgen/events";

    public const string ScriptPath = "/__briefgen/live-reload.js";

    public static readonly byte[] Tag = "<script src=\"/__briefgen/live-reload.js\"></script>\n"u8.ToArray();

    public static readonly byte[] Script = """
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
          source.addEventListener("reload", function (e) {
            var only = e.data ? JSON.parse(e.data) : null;
            if (!only || only.indexOf(window.location.pathname) >= 0) { window.location.reload(); }
          });
          source.addEventListener("errors", function (e) { overlay(JSON.parse(e.data)); });
          source.addEventListener("ok", function () { overlay(""); });
        })();

        """u8.ToArray();

    /// <summary>Adds the script tag before the last &lt;/body&gt;, working on the page's bytes.</summary>
    public static byte[] Inject(byte[] html)
    {
        var at = html.AsSpan().LastIndexOf("</body>"u8);
        if (at < 0)
        {
            at = html.Length;
        }

        var result = new byte[html.Length + Tag.Length];
        html.AsSpan(0, at).CopyTo(result);
        Tag.CopyTo(result, at);
        html.AsSpan(at).CopyTo(result.AsSpan(at + Tag.Length));
        return result;
    }
}
