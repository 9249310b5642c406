extension AppTemplates {
  /// (name, template) pairs registered with the others.
  static let trusteeTemplates: [(String, String)] = [
    ("acting", acting), ("actedWallet", actedWallet), ("actedFields", actedFields),
    ("actedGrants", actedGrants), ("actedGrant", actedGrant), ("actedFile", actedFile),
    ("actedFilings", actedFilings), ("actedLog", actedLog),
  ]

  /// The wallets acted for, and the form to add one by its reference.
  static let acting = """
    {{^wallets}}<p>{{labels.none}}</p>{{/wallets}}
    {{#wallets}}<section><h2><a href="/acting/{{reference}}">{{#holder}}{{holder}}{{/holder}}{{^holder}}{{reference}}{{/holder}}</a></h2>
    {{#holder}}<p><code>{{reference}}</code></p>{{/holder}}
    {{#problem}}<p class="error">{{problem}}</p>{{/problem}}
    {{#none}}<p>{{labels.noProcuration}}</p>{{/none}}
    {{#inForce}}<ul>{{#procurations}}<li>{{kind}} — {{labels.youMay}} {{actions}} — {{labels.until}} {{until}}. {{labels.forAids}} {{aids}}.</li>{{/procurations}}</ul>{{/inForce}}
    </section>{{/wallets}}
    <section><h2>{{labels.add}}</h2>
    <form method="post" action="/acting">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <label for="reference">{{labels.reference}}</label>
    <p id="reference-help">{{labels.referenceHelp}}</p>
    <input id="reference" name="reference" type="text" value="{{typed}}" aria-describedby="reference-help" autocomplete="off" spellcheck="false" autocapitalize="characters" required>
    <p><button type="submit">{{labels.addButton}}</button></p>
    </form></section>

    """

  /// The line every page of one wallet begins with.
  static let actedHeader = """
    <p><a href="{{base}}">{{labels.back}}</a></p>
    <p>{{actingFor}}</p>

    """

  static let actedWallet = """
    <p>{{actingFor}}</p>
    <dl><dt>{{labels.holder}}</dt><dd>{{holder}}</dd></dl>
    {{#none}}<p>{{labels.noProcuration}}</p>{{/none}}
    {{#procurations}}<section><h2>{{kind}}</h2>
    <p>{{labels.youMay}} {{actions}} — {{labels.until}} {{until}}.</p>
    <p>{{labels.forAids}} {{aids}}.</p>
    </section>{{/procurations}}
    <ul>
    {{#mayRead}}<li><a href="{{base}}/fields">{{labels.fields}}</a></li>{{/mayRead}}
    {{#mayGrant}}<li><a href="{{base}}/grants">{{labels.grants}}</a></li>{{/mayGrant}}
    <li><a href="{{base}}/filings">{{labels.filings}}</a></li>
    {{#mayRead}}<li><a href="{{base}}/log">{{labels.log}}</a></li>{{/mayRead}}
    </ul>
    {{#mayFile}}<section><h2>{{labels.file}}</h2>
    <form method="get" action="{{base}}/file">
    <label for="choice">{{labels.choose}}</label>
    <select id="choice" name="choice">{{#choices}}<option value="{{value}}">{{label}}</option>{{/choices}}</select>
    <p><button type="submit">{{labels.seeSent}}</button></p>
    </form></section>{{/mayFile}}

    """

  static let actedFields =
    actedHeader + """
      {{#notShared}}<p role="status">{{notShared}}</p>{{/notShared}}
      {{^circles}}<p>{{labels.empty}}</p>{{/circles}}
      {{#circles}}<section><h2>{{name}}</h2><dl>
      {{#entries}}<dt>{{label}}</dt><dd>{{value}}</dd>{{/entries}}
      </dl></section>{{/circles}}
      {{#sealed}}<p>{{labels.sealed}}</p>{{/sealed}}
      {{#mayChange}}<section><h2>{{labels.change}}</h2>
      <form method="post" action="{{base}}/fields">
      <input type="hidden" name="csrf" value="{{csrf}}">
      <label for="name">{{labels.field}}</label>
      <select id="name" name="name">{{#choices}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/choices}}</select>
      <label for="value">{{labels.value}}</label>
      <input id="value" name="value" type="text" value="{{typed}}">
      <p><button type="submit">{{labels.save}}</button></p>
      </form></section>{{/mayChange}}

      """

  static let actedGrants =
    actedHeader + """
      {{^grants}}<p>{{labels.noGrant}}</p>{{/grants}}
      {{#grants}}<section><h2>{{administration}} — {{aid}}</h2>
      <p>{{state}} · {{count}} {{labels.count}} · {{labels.until}} {{until}}</p>
      <p>{{givenBy}}</p>
      {{#warning}}<p class="error" role="alert">{{warning}}</p>{{/warning}}
      {{#changeable}}<form method="post" action="{{base}}/grants/change">
      <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="grant" value="{{id}}">
      {{#active}}<button type="submit" name="action" value="pause">{{labels.pause}}</button>{{/active}}
      {{#paused}}<button type="submit" name="action" value="resume">{{labels.resume}}</button>{{/paused}}
      <p><input id="confirm-{{id}}" type="checkbox" name="confirm" value="yes"> <label for="confirm-{{id}}">{{labels.forGood}}</label></p>
      <button type="submit" name="action" value="revoke">{{labels.revoke}}</button>
      </form>{{/changeable}}
      </section>{{/grants}}
      {{#mayGive}}<section><h2>{{labels.newGrant}}</h2>
      <form method="get" action="{{base}}/grants/new">
      <label for="choice">{{labels.choose}}</label>
      <select id="choice" name="choice">{{#choices}}<option value="{{value}}">{{label}}</option>{{/choices}}</select>
      <p><button type="submit">{{labels.see}}</button></p>
      </form></section>{{/mayGive}}

      """

  static let actedGrant = actedHeader + "{{> grantPreview}}"

  static let actedFile =
    actedHeader + """
      <h2>{{labels.file}}</h2>
      <p>{{willRead}}</p>
      <ul>{{#fieldsShown}}<li>{{.}}</li>{{/fieldsShown}}</ul>
      {{#hasNotHeld}}<p>{{labels.notFilledIn}}</p><ul>{{#notHeld}}<li>{{.}}</li>{{/notHeld}}</ul>{{/hasNotHeld}}
      <form method="post" action="{{base}}/file">
      <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="choice" value="{{choice}}">
      <p><button type="submit">{{labels.send}}</button></p>
      </form>

      """

  static let actedFilings =
    actedHeader + """
      {{^filings}}<p>{{labels.noFiling}}</p>{{/filings}}
      {{> filingSections}}
      """

  static let actedLog =
    actedHeader + """
      {{#intact}}<p class="done" role="status">{{intactLabel}}</p>{{/intact}}
      <ol reversed>{{#sentences}}<li>{{.}}</li>{{/sentences}}</ol>

      """
}
