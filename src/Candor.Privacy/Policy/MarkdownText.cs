using System.Text;

namespace Candor.Privacy.Policy;

/// <summary>
/// Puts text from the configuration (names, addresses) into the policy's Markdown as plain text. Characters
/// that Markdown, kramdown (<c>{:</c> attribute lists) or Liquid (<c>{{</c>, <c>{%</c> — the page is rendered
/// by Liquid first) would read as markup become numeric character references, which every one of them
/// passes through and the browser shows as the character.
/// </summary>
internal static class MarkdownText
{
    private const string Special = "\\`*_[]<>&{}|~#!";

    public static string Escape(string text)
    {
        var result = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            // A leading '-', '+', '=' or "1." would start a list or a heading underline.
            var leading = i == 0 && (c is '-' or '+' or '=' || (char.IsAsciiDigit(c) && text.TrimStart('0', '1', '2', '3', '4', '5', '6', '7', '8', '9').StartsWith('.')));
            if (Special.Contains(c) || leading || char.IsControl(c)) result.Append("&#").Append((int)(char.IsControl(c) ? ' ' : c)).Append(';');
            else result.Append(c);
        }
        return result.ToString();
    }
}
