extension AppTemplates {
  /// (name, template) pairs registered with the others.
  static let administrationTemplates: [(String, String)] = [("received", received)]

  /// What the administration received: who it is, a reading just made (with
  /// its receipt), the grants (each read with a button: a reading is logged),
  /// and the requests, each with the form its next step needs.
  static let received = """
    {{^wrongRole}}{{#administration}}<dl><dt>{{labels.who}}</dt><dd>{{administration}}</dd></dl>{{/administration}}
    {{#reading}}<section><h2>{{heading}}</h2>
    <dl>{{#values}}<dt>{{label}}</dt><dd>{{value}}</dd>{{/values}}</dl>
    <p class="done" role="status">{{receipt}}</p>
    {{#withheld}}<p class="error" role="alert">{{withheld}}</p>{{/withheld}}
    </section>{{/reading}}
    <section><h2>{{labels.grants}}</h2>
    {{^unlisted}}{{^grants}}<p>{{labels.noGrant}}</p>{{/grants}}{{/unlisted}}
    {{#grants}}<article><h3>{{aid}} — {{labels.grant}} <code>{{id}}</code></h3>
    <dl>
    {{#state}}<dt>{{labels.state}}</dt><dd>{{state}}</dd>{{/state}}
    <dt>{{labels.wallet}}</dt><dd><code>{{wallet}}</code></dd>
    <dt>{{labels.until}}</dt><dd>{{until}} ({{kind}})</dd>
    <dt>{{labels.fields}}</dt><dd><ul>{{#fields}}<li>{{.}}</li>{{/fields}}</ul></dd>
    {{#forRequest}}<dt>{{labels.forRequest}}</dt><dd><code>{{forRequest}}</code></dd>{{/forRequest}}
    </dl>
    {{#readable}}<form method="post" action="/received/read">
    <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="wallet" value="{{wallet}}"><input type="hidden" name="grant" value="{{id}}">
    <p>{{labels.readLogged}}</p>
    <p><button type="submit">{{labels.read}}</button></p>
    </form>{{/readable}}
    </article>{{/grants}}
    </section>
    <section><h2>{{labels.filings}}</h2>
    {{^unlisted}}{{^filings}}<p>{{labels.noFiling}}</p>{{/filings}}{{/unlisted}}
    {{#filings}}<article><h3>{{aid}} — {{labels.request}} <code>{{id}}</code></h3>
    <dl><dt>{{labels.wallet}}</dt><dd><code>{{wallet}}</code></dd>
    {{#filed}}<dt>{{labels.filed}}</dt><dd>{{filed}}</dd>{{/filed}}
    {{#standing}}<dt>{{labels.state}}</dt><dd>{{standing}}</dd>{{/standing}}</dl>
    {{#warning}}<p class="error">{{warning}}</p><p>{{warningHint}}</p>{{/warning}}
    {{#acknowledge}}<form method="post" action="/received/acknowledge">
    <h4>{{labels.acknowledge}}</h4>
    <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="wallet" value="{{wallet}}"><input type="hidden" name="filing" value="{{id}}">
    <label for="number-{{id}}">{{labels.number}}</label>
    <input id="number-{{id}}" name="number" type="text" maxlength="64" required value="{{typed_number}}">
    <label for="registered-{{id}}">{{labels.registered}}</label>
    <input id="registered-{{id}}" name="registered" type="text" inputmode="numeric" placeholder="2026-03-12" value="{{typed_registered}}">
    <label for="service-{{id}}">{{labels.service}}</label>
    <input id="service-{{id}}" name="service" type="text" required value="{{typed_service}}">
    <label for="phone-{{id}}">{{labels.phone}}</label>
    <input id="phone-{{id}}" name="phone" type="tel" autocomplete="off" value="{{typed_phone}}">
    <label for="email-{{id}}">{{labels.email}}</label>
    <input id="email-{{id}}" name="email" type="email" autocomplete="off" value="{{typed_email}}">
    <p>{{labels.dueNote}}</p>
    <p><button type="submit">{{labels.sendAcknowledgement}}</button></p>
    </form>{{/acknowledge}}
    {{#decide}}<form method="post" action="/received/decide">
    <h4>{{labels.decide}}</h4>
    <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="wallet" value="{{wallet}}"><input type="hidden" name="filing" value="{{id}}">
    <label for="outcome-{{id}}">{{labels.outcome}}</label>
    <select id="outcome-{{id}}" name="outcome">{{#outcomes}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/outcomes}}</select>
    <label for="motivation-{{id}}">{{labels.motivation}}</label>
    <textarea id="motivation-{{id}}" name="motivation" rows="4" required>{{typed_motivation}}</textarea>
    <label for="recourse-{{id}}">{{labels.recourse}}</label>
    <textarea id="recourse-{{id}}" name="recourse" rows="3" required>{{typed_recourse}}</textarea>
    <p><input id="confirm-{{id}}" type="checkbox" name="confirm" value="yes"> <label for="confirm-{{id}}" class="inline">{{labels.forGood}}</label></p>
    <p><button type="submit">{{labels.decide}}</button></p>
    </form>{{/decide}}
    </article>{{/filings}}
    </section>{{/wrongRole}}

    """
}
