extension AppTemplates {
  /// (name, template) pairs registered with the others.
  static let procurationTemplates: [(String, String)] = [
    ("procurations", procurations), ("procurationNew", procurationNew),
    ("procurationPreview", procurationPreview), ("procurationGiven", procurationGiven),
  ]

  /// A checkbox or a radio button with its label on the same line.
  private static let inline = "style=\"width:auto;min-height:auto\""
  private static let inlineLabel = "style=\"display:inline;font-weight:normal\""

  static let procurations = """
    <p><a href="/procurations/new">{{labels.new}}</a></p>
    {{^procurations}}<p>{{labels.none}}</p>{{/procurations}}
    {{#procurations}}<section><h2>{{person}}</h2>
    <dl>
    <dt>{{labels.kind}}</dt><dd>{{kind}}</dd>
    <dt>{{labels.state}}</dt><dd>{{state}}</dd>
    <dt>{{labels.may}}</dt><dd>{{actions}}</dd>
    <dt>{{labels.for}}</dt><dd>{{aids}}</dd>
    {{#administration}}<dt>{{labels.with}}</dt><dd>{{administration}}</dd>{{/administration}}
    {{#circles}}<dt>{{labels.fields}}</dt><dd>{{circles}}</dd>{{/circles}}
    <dt>{{labels.until}}</dt><dd>{{until}}</dd>
    <dt>{{labels.number}}</dt><dd><code>{{id}}</code></dd>
    </dl>
    <p><a href="/sheets/procuration/{{id}}">{{labels.sheet}}</a></p>
    {{#active}}<form method="post" action="/procurations/revoke">
    <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="id" value="{{id}}">
    <p><input type="checkbox" id="confirm-{{id}}" name="confirm" value="yes" \(inline)>
    <label for="confirm-{{id}}" \(inlineLabel)>{{labels.forGood}}</label></p>
    <p><button type="submit">{{labels.revoke}}</button></p>
    </form>{{/active}}
    </section>{{/procurations}}

    """

  static let procurationNew = """
    <h2>{{labels.new}}</h2>
    <form method="post" action="/procurations">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <fieldset><legend>{{labels.who}}</legend>
    <label for="to">{{labels.trustee}}</label>
    <select id="to" name="to"><option value="">{{labels.byKeys}}</option>{{#trustees}}<option value="{{name}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/trustees}}</select>
    <label for="to-key">{{labels.toKey}}</label>
    <input id="to-key" name="to-key" type="text" autocomplete="off" spellcheck="false" value="{{toKey}}">
    <label for="to-encryption-key">{{labels.toEncryptionKey}}</label>
    <input id="to-encryption-key" name="to-encryption-key" type="text" autocomplete="off" spellcheck="false" value="{{toEncryptionKey}}">
    <p>{{labels.keysHelp}}</p>
    </fieldset>
    <fieldset><legend>{{labels.kind}}</legend>
    <p><input type="radio" id="kind-once" name="kind" value="once"{{#once}} checked{{/once}} \(inline)>
    <label for="kind-once" \(inlineLabel)>{{labels.oneShot}}</label></p>
    <p><input type="radio" id="kind-personalised" name="kind" value="personalised"{{#personalised}} checked{{/personalised}} \(inline)>
    <label for="kind-personalised" \(inlineLabel)>{{labels.personalised}}</label></p>
    </fieldset>
    <fieldset><legend>{{labels.what}}</legend>
    {{#actions}}<p><input type="checkbox" id="action-{{value}}" name="action" value="{{value}}"{{#checked}} checked{{/checked}} \(inline)>
    <label for="action-{{value}}" \(inlineLabel)>{{label}}</label></p>
    {{/actions}}</fieldset>
    <fieldset><legend>{{labels.aids}}</legend>
    <p>{{labels.aidsHelp}}</p>
    {{#aids}}<p><input type="checkbox" id="aid-{{value}}" name="aid" value="{{value}}"{{#checked}} checked{{/checked}} \(inline)>
    <label for="aid-{{value}}" \(inlineLabel)>{{label}}</label></p>
    {{/aids}}</fieldset>
    <label for="at">{{labels.at}}</label>
    <select id="at" name="at"><option value="">{{labels.noChoice}}</option>{{#administrations}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/administrations}}</select>
    <label for="circle">{{labels.circle}}</label>
    <select id="circle" name="circle"><option value="">{{labels.noChoice}}</option>{{#circles}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/circles}}</select>
    <label for="days">{{labels.days}}</label>
    <input id="days" name="days" type="number" min="1" max="366" inputmode="numeric" value="{{days}}">
    <p><button type="submit" name="preview" value="1">{{labels.see}}</button></p>
    </form>

    """

  static let procurationPreview = """
    <h2>{{labels.new}}</h2>
    <p>{{intro}}</p>
    <ul>{{#points}}<li>{{.}}</li>{{/points}}</ul>
    {{#cannot}}<p>{{cannot}}</p>{{/cannot}}
    <p>{{labels.never}}</p>
    <p>{{labels.withdrawAnyTime}}</p>
    <form method="post" action="/procurations">
    <input type="hidden" name="csrf" value="{{csrf}}">
    {{#hidden}}<input type="hidden" name="{{name}}" value="{{value}}">{{/hidden}}
    <input type="hidden" name="confirm" value="yes">
    <p><button type="submit">{{labels.give}}</button></p>
    </form>
    <form method="post" action="/procurations/new">
    <input type="hidden" name="csrf" value="{{csrf}}">
    {{#hidden}}<input type="hidden" name="{{name}}" value="{{value}}">{{/hidden}}
    <p><button type="submit">{{labels.change}}</button></p>
    </form>

    """

  static let procurationGiven = """
    <p class="done" role="status">{{given}}</p>
    <p>{{labels.giveReference}}</p>
    <p><code>{{reference}}</code></p>
    <p>{{labels.separately}}</p>
    <ul><li><code>{{wallet}}</code></li><li><code>{{owner}}</code></li></ul>
    <p><a href="/sheets/procuration/{{id}}">{{labels.sheet}}</a></p>
    <p><a href="/procurations">{{labels.back}}</a></p>

    """
}
