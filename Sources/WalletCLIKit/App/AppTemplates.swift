import Foundation
import Mustache
import PSPWallet

/// The app's pages, as Mustache templates (every `{{value}}` is escaped as
/// HTML; `{{{content}}}` is only ever a page these templates made). Plain
/// HTML that works without JavaScript; labels on every input; the page's
/// language in `lang`; readable on a phone (one column, large targets).
enum AppTemplates {
  static let library: MustacheLibrary = {
    var library = MustacheLibrary()
    let core = [
      ("head", head), ("layout", layout), ("unlock", unlock), ("home", home),
      ("fields", fields), ("log", log), ("grants", grants), ("grantPreview", grantPreview),
      ("grant", grant), ("filingSections", filingSections), ("filings", filings),
    ]
    for (name, text) in core + citizenTemplates + procurationTemplates + trusteeTemplates
      + administrationTemplates + sheetTemplates
    {
      try! library.register(text, named: name)
    }
    return library
  }()

  static func page(_ name: String, _ values: [String: Any], language: Language, title: String)
    -> String
  {
    let content = library.render(values, withTemplate: name) ?? ""
    var frame = values
    frame["content"] = content
    frame["lang"] = language.rawValue
    frame["title"] = title
    return library.render(frame, withTemplate: "layout") ?? ""
  }

  /// A refusal before any session: the four languages, one after the other.
  static func refusal(_ text: LocalizedText, link: String? = nil) -> String {
    let body = Language.allCases.map {
      let said = escape(text.text(in: $0))
      return "<p lang=\"\($0.rawValue)\">"
        + (link.map { "<a href=\"\(escape($0))\">\(said)</a>" } ?? said) + "</p>"
    }.joined(separator: "\n")
    return "<!doctype html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">"
      + "<title>PSP</title></head><body><main>\(body)</main></body></html>\n"
  }

  static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
      .replacingOccurrences(of: "'", with: "&#39;")
  }

  /// How every page and every printable sheet begins, up to its style
  /// (partial `head`).
  static let head = """
    <!doctype html>
    <html lang="{{lang}}">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{title}}</title>

    """

  static let layout = """
    {{> head}}
    <style>
    body { font: 1.125rem/1.5 system-ui, sans-serif; max-width: 42rem; margin: 0 auto; padding: 1rem; color: #111; background: #fff; }
    a, button { color: #003d99; }
    nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 1rem; }
    label { display: block; font-weight: 600; margin-top: 1rem; }
    label.inline { display: inline; }
    input[type=checkbox], input[type=radio] { width: auto; min-height: 1.5rem; min-width: 1.5rem; }
    input, select, textarea, button { font: inherit; padding: .5rem; min-height: 2.75rem; }
    input, select, textarea { width: 100%; box-sizing: border-box; border: 2px solid #555; }
    :focus { outline: 3px solid #b35900; outline-offset: 2px; }
    .error { border-left: .5rem solid #a00; padding-left: .75rem; }
    .done { border-left: .5rem solid #060; padding-left: .75rem; }
    @media print { nav, form { display: none; } }
    </style>
    </head>
    <body>
    <header><h1>{{title}}</h1>
    {{#unlocked}}<nav aria-label="{{title}}"><ul>
    {{#links}}<li><a href="{{href}}">{{label}}</a></li>{{/links}}
    <li><form method="post" action="/lock"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">{{lock}}</button></form></li>
    </ul></nav>{{/unlocked}}
    </header>
    <main>
    {{#error}}<p class="error" role="alert">{{error}}</p>{{#hint}}<p>{{hint}}</p>{{/hint}}{{/error}}
    {{#notice}}<p class="done" role="status">{{notice}}</p>{{/notice}}
    {{{content}}}
    </main>
    </body>
    </html>

    """

  static let unlock = """
    {{#nobody}}<p>{{noIdentity}}</p>
    <p><a href="/create">{{createLink}}</a></p>{{/nobody}}
    {{^nobody}}<h2>{{unlockTitle}}</h2>
    <form method="post" action="/unlock">
    <input type="hidden" name="csrf" value="{{csrf}}">
    {{#whoLabel}}<label for="who">{{whoLabel}}</label>
    <select id="who" name="who">{{#people}}<option value="{{name}}">{{label}}</option>{{/people}}</select>{{/whoLabel}}
    <label for="passphrase">{{passphraseLabel}}</label>
    <input id="passphrase" name="passphrase" type="password" autocomplete="current-password" required>
    {{#demo}}<p class="done">{{demo}}</p>{{/demo}}
    <p><button type="submit">{{openLabel}}</button></p>
    </form>
    <p><a href="/recover">{{recoverLink}}</a> · <a href="/create">{{createLink}}</a></p>{{/nobody}}

    """

  static let home = """
    {{#noWallet}}<p>{{noWallet}}</p><p><a href="/open">{{openLink}}</a></p>{{/noWallet}}
    {{#closed}}<p>{{closed}}</p>{{/closed}}
    {{#wallet}}<dl>
    <dt>{{walletLabel}}</dt><dd>{{wallet}}</dd>
    <dt>{{referenceLabel}}</dt><dd><code>{{reference}}</code></dd>
    </dl>
    <p><a href="/sheets/consent">{{consentSheet}}</a></p>{{/wallet}}

    """

  static let fields = """
    {{^circles}}<p>{{emptyLabel}}</p>{{/circles}}
    {{#circles}}<section><h2>{{name}}</h2><dl>
    {{#entries}}<dt>{{label}}</dt><dd>{{value}}</dd>{{/entries}}
    </dl></section>{{/circles}}
    <section><h2>{{changeLabel}}</h2>
    <form method="post" action="/fields">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <label for="name">{{fieldLabel}}</label>
    <select id="name" name="name">{{#choices}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/choices}}</select>
    <label for="value">{{valueLabel}}</label>
    <input id="value" name="value" type="text" value="{{typed}}">
    <p><button type="submit">{{saveLabel}}</button></p>
    </form></section>

    """

  static let log = """
    {{#intact}}<p class="done" role="status">{{intactLabel}}</p>{{/intact}}
    <ol reversed>{{#sentences}}<li>{{.}}</li>{{/sentences}}</ol>

    """
}
