using System.Net;
using System.Text;
using Leadwerk.Web.Localization;

namespace Leadwerk.Web.Forms;

/// <summary>
/// The HTML a website owner pastes: a plain form posting to the public endpoint (it works without
/// JavaScript and lands on the thank-you page), and the attribution script that fills in the visit.
/// </summary>
public static class EmbedSnippet
{
    public static string Of(FormDto form, string baseUrl)
    {
        static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
        var html = new StringBuilder();
        html.Append($"<form method=\"post\" action=\"{E(baseUrl)}/api/public/forms/{E(form.Key)}/submissions\" data-leadwerk-form=\"{E(form.Key)}\">\n");
        foreach (var field in form.Fields)
        {
            var id = $"lw-{form.Key}-{field.Name}";
            var label = E(L.Pick(field.Label?.En, field.Label?.Nl) ?? field.Name);
            var required = field.Required ? " required" : "";
            var type = field.Type switch { "email" => "email", "phone" => "tel", _ => "text" };
            html.Append(field.Type switch
            {
                "textarea" => $"  <p><label for=\"{id}\">{label}</label><br><textarea id=\"{id}\" name=\"{E(field.Name)}\"{required}></textarea></p>\n",
                "checkbox" => $"  <p><label><input type=\"checkbox\" name=\"{E(field.Name)}\" value=\"true\"{required}> {label}</label></p>\n",
                _ => $"  <p><label for=\"{id}\">{label}</label><br><input id=\"{id}\" name=\"{E(field.Name)}\" type=\"{type}\"{required}></p>\n",
            });
        }

        html.Append($"  <p style=\"position:absolute;left:-10000px\" aria-hidden=\"true\"><input name=\"{FormRules.Honeypot}\" tabindex=\"-1\" autocomplete=\"off\"></p>\n");
        html.Append($"  <button type=\"submit\">{E(L.T("Send", "Versturen"))}</button>\n</form>\n");
        html.Append($"<script src=\"{E(baseUrl)}/leadwerk-attribution.js\" defer></script>\n");
        return html.ToString();
    }
}
