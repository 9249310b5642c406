extension AppTemplates {
  static let grants = """
    {{^grants}}<p>{{labels.none}}</p>{{/grants}}
    {{#grants}}<section><h2>{{administration}} — {{aid}}</h2>
    <p>{{state}} · {{count}} {{labels.fields}} · {{labels.until}} {{until}}</p>
    <p><a href="/sheets/grant/{{id}}">{{labels.sheet}}</a></p>
    {{#warning}}<p class="error" role="alert">{{warning}}</p>{{/warning}}
    {{#changeable}}<form method="post" action="/grants/change">
    <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="grant" value="{{id}}">
    {{#active}}<button type="submit" name="action" value="pause">{{labels.pause}}</button>{{/active}}
    {{#paused}}<button type="submit" name="action" value="resume">{{labels.resume}}</button>{{/paused}}
    <label><input type="checkbox" name="confirm" value="yes"> {{labels.forGood}}</label>
    <button type="submit" name="action" value="revoke">{{labels.revoke}}</button>
    </form>{{/changeable}}
    </section>{{/grants}}
    <section><h2>{{labels.newGrant}}</h2>
    <form method="get" action="/grants/new">
    <label for="choice">{{labels.choose}}</label>
    <select id="choice" name="choice">{{#choices}}<option value="{{value}}">{{label}}</option>{{/choices}}</select>
    <p><button type="submit">{{labels.see}}</button></p>
    </form></section>

    """

  /// A permission before it is given: what the administration will read,
  /// until when (partial `grantPreview`). `{{base}}` is the wallet acted for
  /// on a trusted person's page, nothing on the citizen's own.
  static let grantPreview = """
    <h2>{{administration}} — {{aid}}</h2>
    <p>{{labels.willRead}}</p>
    <ul>{{#fieldsShown}}<li>{{.}}</li>{{/fieldsShown}}</ul>
    <p>{{labels.until}} {{until}}.</p>
    {{#hasNotHeld}}<p>{{labels.notHeld}}</p><ul>{{#notHeld}}<li>{{.}}</li>{{/notHeld}}</ul>{{/hasNotHeld}}
    <p>{{labels.takeBack}}</p>
    <form method="post" action="{{base}}/grants">
    <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="choice" value="{{choice}}">
    <p><button type="submit">{{labels.give}}</button></p>
    </form>

    """

  static let grant = "{{> grantPreview}}"
}
