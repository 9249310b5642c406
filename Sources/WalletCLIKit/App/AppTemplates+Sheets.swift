extension AppTemplates {
  /// (name, template) pairs registered with the others.
  static let sheetTemplates: [(String, String)] = [("sheet-layout", sheetLayout), ("sheet", sheet)]

  /// A printable sheet: no navigation and no form, one A4 page in print,
  /// black on white (nothing is said by a colour alone), one column on a
  /// phone. The line on how to print and the way back are not printed.
  static let sheetLayout = """
    {{> head}}
    <style>
    @page { size: A4; margin: 15mm; }
    body { font: 1.0625rem/1.45 system-ui, sans-serif; max-width: 44rem; margin: 0 auto; padding: 1rem; color: #000; background: #fff; }
    a { color: #003d99; }
    :focus { outline: 3px solid #b35900; outline-offset: 2px; }
    h1 { font-size: 1.5rem; margin: .25rem 0 .75rem; }
    h2 { font-size: 1.125rem; margin: 1rem 0 .25rem; padding-bottom: .125rem; border-bottom: 1px solid #000; }
    p { margin: .25rem 0; }
    ul { margin: .25rem 0; padding-left: 1.25rem; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: .125rem 1rem; margin: 0; }
    dt { font-weight: 700; }
    dd { margin: 0; overflow-wrap: anywhere; }
    .code { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; }
    .qr { width: 42mm; height: 42mm; flex: none; }
    .text { font: 700 1.25rem/1.5 ui-monospace, "DejaVu Sans Mono", monospace; overflow-wrap: anywhere; margin: 0; }
    .how { border: 1px solid #000; padding: .5rem .75rem; }
    .error { border-left: .5rem solid #000; padding-left: .75rem; font-weight: 700; }
    footer { margin-top: 1rem; font-size: .875rem; }
    @media (max-width: 30rem) { dl { display: block; } dd { margin-bottom: .25rem; } }
    @media print {
      .screen { display: none; }
      body { max-width: none; padding: 0; font-size: 11pt; }
      a { color: #000; text-decoration: none; }
      section { break-inside: avoid; }
    }
    </style>
    </head>
    <body>
    <div class="screen"><p class="how">{{printHint}}</p><p><a href="{{backHref}}">{{backLabel}}</a></p></div>
    <main>
    <h1>{{title}}</h1>
    {{{content}}}
    </main>
    <footer><p>{{printedOn}}</p></footer>
    </body>
    </html>

    """

  /// The sheet's facts, then its code (a QR beside the same text), then its
  /// sections of short paragraphs and lists.
  static let sheet = """
    {{#warning}}<p class="error" role="alert">{{warning}}</p>{{/warning}}
    <dl>
    {{#rows}}<dt>{{term}}</dt><dd>{{value}}</dd>
    {{/rows}}</dl>
    {{#code}}<section><h2>{{heading}}</h2>
    <div class="code">{{{svg}}}<p class="text">{{text}}</p></div>
    {{#explained}}<p>{{.}}</p>{{/explained}}
    </section>{{/code}}
    {{#sections}}<section><h2>{{heading}}</h2>
    {{#paragraphs}}<p>{{.}}</p>
    {{/paragraphs}}{{#hasItems}}<ul>{{#items}}<li>{{.}}</li>{{/items}}</ul>{{/hasItems}}
    </section>{{/sections}}

    """
}
