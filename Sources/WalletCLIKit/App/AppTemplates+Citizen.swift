extension AppTemplates {
  /// (name, template) pairs registered with the others.
  static let citizenTemplates: [(String, String)] = [
    ("open", open), ("documents", documents), ("wallet", wallet), ("create", create),
    ("recover", recover), ("request", request), ("newPassphrase", newPassphrase),
  ]

  /// A new passphrase, typed twice (partial `newPassphrase`): on making an
  /// identity and on recovering one.
  static let newPassphrase = """
    <label for="passphrase">{{labels.passphrase}}</label>
    <input id="passphrase" name="passphrase" type="password" autocomplete="new-password" minlength="8" required>
    <label for="again">{{labels.again}}</label>
    <input id="again" name="again" type="password" autocomplete="new-password" minlength="8" required>

    """

  static let open = """
    <section lang="{{lang}}">{{#terms}}<p>{{.}}</p>{{/terms}}<p>{{version}}</p></section>
    <form method="post" action="/open">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <p>{{question}}</p>
    <p><input id="accept" type="checkbox" name="accept" value="yes" required> <label for="accept" class="inline">{{acceptLabel}}</label></p>
    <p><button type="submit">{{openLabel}}</button></p>
    </form>

    """

  static let documents = """
    <dl>{{#documents}}<dt>{{label}}</dt><dd>{{#held}}{{held}} · <a href="/documents/{{id}}" download>{{labels.download}}</a>{{/held}}{{^held}}{{labels.none}}{{/held}}</dd>{{/documents}}</dl>
    <section><h2>{{labels.add}}</h2>
    <form method="post" action="/documents" enctype="multipart/form-data">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <label for="name">{{labels.kind}}</label>
    <select id="name" name="name">{{#choices}}<option value="{{id}}">{{label}}</option>{{/choices}}</select>
    <label for="file">{{labels.file}}</label>
    <input id="file" name="file" type="file" accept=".pdf,.png,.jpg,.jpeg,.txt" aria-describedby="file-help" required>
    <p id="file-help">{{labels.accepted}}</p>
    <p><button type="submit">{{labels.send}}</button></p>
    </form></section>

    """

  static let wallet = """
    {{#open}}<dl>
    <dt>{{labels.wallet}}</dt><dd>{{wallet}}</dd>
    <dt>{{labels.reference}}</dt><dd><code>{{reference}}</code></dd>
    </dl>
    <p><a href="/sheets/consent">{{labels.consentSheet}}</a></p>
    <section><h2>{{labels.exportTitle}}</h2><p>{{labels.exportText}}</p>
    <p><a href="/wallet/export" download>{{labels.export}}</a></p></section>
    <section><h2>{{labels.importTitle}}</h2>
    <form method="post" action="/wallet/import" enctype="multipart/form-data">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <label for="file">{{labels.file}}</label>
    <input id="file" name="file" type="file" accept=".json,.csv" aria-describedby="import-help" required>
    <p id="import-help">{{labels.importText}}</p>
    <p><button type="submit">{{labels.import}}</button></p>
    </form></section>
    <section><h2>{{labels.closeTitle}}</h2><p>{{labels.closeQuestion}}</p><p>{{labels.readStays}}</p>
    <form method="post" action="/wallet/close">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <p><input id="confirm" type="checkbox" name="confirm" value="yes"> <label for="confirm" class="inline">{{labels.forGood}}</label></p>
    <p><button type="submit">{{labels.close}}</button></p>
    </form></section>{{/open}}

    """

  static let create = """
    <form method="post" action="/create">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <label for="name">{{labels.name}}</label>
    <input id="name" name="name" type="text" value="{{name}}" autocomplete="username" aria-describedby="name-help" required>
    <p id="name-help">{{labels.nameHelp}}</p>
    <label for="kind">{{labels.kind}}</label>
    <select id="kind" name="kind"><option value="citizen">{{labels.citizen}}</option><option value="trustee">{{labels.trustee}}</option></select>
    {{> newPassphrase}}
    <p><button type="submit">{{labels.create}}</button></p>
    </form>

    """

  static let recover = """
    <form method="post" action="/recover">
    <input type="hidden" name="csrf" value="{{csrf}}">
    {{#several}}<label for="who">{{labels.who}}</label>
    <select id="who" name="who">{{#people}}<option value="{{name}}">{{name}}</option>{{/people}}</select>{{/several}}
    <label for="code">{{labels.code}}</label>
    <input id="code" name="code" type="text" autocomplete="off" spellcheck="false" required>
    {{> newPassphrase}}
    <p><button type="submit">{{labels.recover}}</button></p>
    </form>

    """
}
