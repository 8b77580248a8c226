/* Rustpunt chat page: plain JavaScript, no libraries, nothing loaded from elsewhere.
 * Talks to our own server (/api/chat, /api/history, /api/gesprek/wissen), which passes messages
 * on to Rasa. Which conversation this is, the server keeps in an HttpOnly cookie: this script
 * never sees or sends a conversation id.
 * Every value from the assistant is put in the page with textContent, never as HTML. */
(function () {
  "use strict";

  var OLD_STORAGE_KEY = "rustpunt.gesprek";  // earlier versions kept the conversation id here
  var MAX_DEPTH = 4;
  var OFFLINE = "De webpagina kan haar eigen server niet bereiken. Controleer of Rustpunt draait en probeer het opnieuw.";

  var list = document.getElementById("berichten");
  var form = document.getElementById("invoer-formulier");
  var input = document.getElementById("invoer");
  var sendButton = document.getElementById("verstuur");
  var statusBox = document.getElementById("status");
  var busy = document.getElementById("bezig");
  var emptyHint = document.getElementById("leeg");
  var newButton = document.getElementById("nieuw-gesprek");
  var forgetButton = document.getElementById("wis-gesprek");
  var notice = document.getElementById("melding");
  var profileSummary = document.getElementById("training-samenvatting");
  var PROFILE = {  // optional fields for the trainers: metadata key -> [input, localStorage key]
    deelnemer: [document.getElementById("deelnemer"), "rustpunt.deelnemer"],
    groep: [document.getElementById("groep"), "rustpunt.groep"]
  };
  var MAX_PROFILE = 60;
  var lastTension = null;
  var pending = 0;
  var retryButtons = [];  // {button, beurt, sessie}: the 'Probeer opnieuw vanaf hier' buttons shown so far

  // ---- conversation: the server's cookie; drop an id an earlier version left behind ------
  try { window.localStorage.removeItem(OLD_STORAGE_KEY); } catch (e) { /* private mode */ }

  // ---- participant and group (for the trainers' page) ------------------------------------
  function cleanProfile(value) {
    var text = String(value || "").replace(/\s+/g, " ").trim();
    return text.length <= MAX_PROFILE ? text : "";
  }

  /* {deelnemer, groep} with only the filled-in fields; sent as Rasa metadata with every message. */
  function profile() {
    var meta = {};
    Object.keys(PROFILE).forEach(function (key) {
      var value = cleanProfile(PROFILE[key][0].value);
      if (value) { meta[key] = value; }
    });
    return meta;
  }

  function showProfile() {
    var meta = profile();
    var parts = [meta.deelnemer, meta.groep].filter(Boolean);
    profileSummary.textContent = parts.length ? "(" + parts.join(", ") + ")" : "(niet ingevuld)";
  }

  Object.keys(PROFILE).forEach(function (key) {
    var field = PROFILE[key][0], storageKey = PROFILE[key][1];
    try { field.value = cleanProfile(window.localStorage.getItem(storageKey)); } catch (e) { field.value = ""; }
    field.addEventListener("input", function () {
      var value = cleanProfile(field.value);
      try {
        if (value) { window.localStorage.setItem(storageKey, value); } else { window.localStorage.removeItem(storageKey); }
      } catch (e) { /* private mode: kept for this page only */ }
      showProfile();
    });
    field.addEventListener("change", function () { field.value = cleanProfile(field.value); });  // show what is sent
  });
  showProfile();

  // ---- small DOM helpers -----------------------------------------------------------------
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function isBlank(value) {
    return value === null || value === undefined || value === "" ||
      (Array.isArray(value) && value.length === 0) ||
      (typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0);
  }

  var LABELS = {
    einde: "Afloop", beurten: "Aantal beurten", stappen_volgorde: "Stappen die je zette (in volgorde)",
    zetten_volgorde: "Al je zetten", aantal_per_zet: "Aantal per zet", ontbrekende_stappen: "Niet gebruikte stappen",
    valkuilen: "Beurten om naar te kijken", spanning: "Spanning per beurt", tips: "Tips voor de volgende keer",
    beter_naam: "Beter", voor_wie: "Voor wie", waarom: "Waarom dit resultaat", let_op: "Let op"
  };

  function label(key) {
    if (Object.prototype.hasOwnProperty.call(LABELS, key)) { return LABELS[key]; }
    var text = String(key).replace(/_/g, " ").trim();
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  function safeUrl(href) {
    if (typeof href !== "string" || !href.trim()) { return null; }
    try {
      var url = new URL(href.trim(), window.location.href);
      return ["http:", "https:", "mailto:", "tel:"].indexOf(url.protocol) >= 0 ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function paragraphs(text, className) {
    var box = el("div", className || "tekst");
    String(text).split(/\n/).forEach(function (line) {
      if (!line.trim()) { return; }
      var bullet = /^\s*[-*•]\s+/.test(line);
      var p = el("p", bullet ? "opsomming" : null, bullet ? line.replace(/^\s*[-*•]\s+/, "") : line);
      box.appendChild(p);
    });
    return box;
  }

  /* Any JSON value as readable HTML: objects as definition lists, arrays as lists. */
  function renderValue(value, depth) {
    depth = depth || 0;
    if (isBlank(value)) { return el("p", "leeg", "(leeg)"); }
    if (typeof value === "boolean") { return el("p", null, value ? "ja" : "nee"); }
    if (typeof value !== "object" || depth >= MAX_DEPTH) {
      return paragraphs(typeof value === "object" ? JSON.stringify(value) : value);
    }
    if (Array.isArray(value) && value.every(function (v) { return (typeof v === "string" || typeof v === "number") && String(v).length <= 40; })) {
      return el("p", null, value.join(", "));
    }
    if (Array.isArray(value)) {
      var ul = el("ul");
      value.slice(0, 200).forEach(function (item) {
        var li = el("li");
        li.appendChild(renderValue(item, depth + 1));
        ul.appendChild(li);
      });
      return ul;
    }
    var dl = el("dl");
    Object.keys(value).slice(0, 200).forEach(function (key) {
      if (key === "soort") { return; }
      dl.appendChild(el("dt", null, label(key)));
      var dd = el("dd");
      dd.appendChild(renderValue(value[key], depth + 1));
      dl.appendChild(dd);
    });
    return dl;
  }

  function section(title, value, level) {
    var box = el("section", "onderdeel");
    box.appendChild(el(level || "h4", null, title));
    box.appendChild(value instanceof Node ? value : renderValue(value, 1));
    return box;
  }

  function pick(obj, keys) {
    for (var i = 0; i < keys.length; i++) {
      if (obj && !isBlank(obj[keys[i]])) { return obj[keys[i]]; }
    }
    return null;
  }

  // ---- custom payloads -------------------------------------------------------------------
  function renderLinks(links) {
    if (isBlank(links)) { return null; }
    if (!Array.isArray(links)) { links = [links]; }
    var ul = el("ul", "links");
    links.forEach(function (link) {
      var href = typeof link === "string" ? link : pick(link, ["url", "href", "link", "adres"]);
      var text = typeof link === "string" ? link : (pick(link, ["titel", "label", "naam", "tekst"]) || href);
      var safe = safeUrl(href);
      var li = el("li");
      if (safe) {
        var a = el("a", null, text || safe);
        a.href = safe;
        if (/^https?:/.test(safe)) { a.target = "_blank"; a.rel = "noopener noreferrer"; }
        li.appendChild(a);
      } else {
        li.textContent = String(text || href || "");
      }
      ul.appendChild(li);
    });
    return ul;
  }

  function renderCards(results) {
    var ul = el("ul", "kaarten");
    results.forEach(function (r) {
      if (!r || typeof r !== "object") { return; }
      var li = el("li");
      var card = el("article", "kaart");
      card.appendChild(el("h4", null, r.naam || r.id || "Onbekend"));
      if (r.organisatie) { card.appendChild(el("p", "organisatie", r.organisatie)); }
      if (r.beschrijving) { card.appendChild(paragraphs(r.beschrijving, "beschrijving")); }
      var dl = el("dl");
      ["voor_wie", "bereikbaarheid", "waarom", "let_op"].forEach(function (key) {
        if (isBlank(r[key])) { return; }
        dl.appendChild(el("dt", null, label(key)));
        var dd = el("dd");
        dd.appendChild(renderValue(r[key], 2));
        dl.appendChild(dd);
      });
      if (dl.childNodes.length) { card.appendChild(dl); }
      var links = renderLinks(r.links);
      if (links) { card.appendChild(links); }
      li.appendChild(card);
      ul.appendChild(li);
    });
    return ul;
  }

  function renderKaart(data) {
    var box = el("section", "kaart-resultaten");
    var results = Array.isArray(data.resultaten) ? data.resultaten : [];
    var route = Array.isArray(data.algemene_route) ? data.algemene_route : [];
    box.appendChild(el("h3", null, results.length ? "Gevonden in de sociale kaart (" + results.length + ")" : "Geen resultaten in de sociale kaart"));
    if (typeof data.melding === "string" && data.melding.trim()) { box.appendChild(paragraphs(data.melding, "kaart-melding")); }
    if (results.length) { box.appendChild(renderCards(results)); }
    if (route.length) {
      box.appendChild(el("h4", "route-kop", "Algemene ingang voor hulp"));
      box.appendChild(renderCards(route));
    }
    return box;
  }

  /* Signals come as {naam, woorden, begin, einde} (bot.roles) or {naam, tekst, start, eind}. */
  function signalText(s) { return typeof s.woorden === "string" ? s.woorden : (typeof s.tekst === "string" ? s.tekst : ""); }
  function signalStart(s) { return s.begin !== undefined ? s.begin : s.start; }
  function signalEnd(s) { return s.einde !== undefined ? s.einde : s.eind; }

  /* The sentence with each signal marked; overlapping or out-of-range spans are skipped,
   * signals whose offsets do not match their words are looked up by their words. */
  function highlighted(sentence, signals) {
    var p = el("p", "zin");
    var spans = [];
    var lower = sentence.toLowerCase();
    (Array.isArray(signals) ? signals : []).forEach(function (s) {
      if (!s || typeof s !== "object") { return; }
      var start = Number(signalStart(s)), end = Number(signalEnd(s));
      var needle = signalText(s).toLowerCase();
      var valid = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= sentence.length;
      if (!valid || (needle && lower.slice(start, end) !== needle)) {
        start = needle ? lower.indexOf(needle) : -1;
        end = start + needle.length;
      }
      if (start >= 0 && end > start) { spans.push({ start: start, end: end, naam: s.naam || "signaal" }); }
    });
    spans.sort(function (a, b) { return a.start - b.start; });
    var pos = 0;
    spans.forEach(function (span) {
      if (span.start < pos) { return; }
      p.appendChild(document.createTextNode(sentence.slice(pos, span.start)));
      var mark = el("mark", "signaal", sentence.slice(span.start, span.end));
      mark.title = String(span.naam);
      mark.setAttribute("data-signaal", String(span.naam));
      p.appendChild(mark);
      p.appendChild(el("span", "visueel-verborgen", " (signaal: " + span.naam + ")"));
      pos = span.end;
    });
    p.appendChild(document.createTextNode(sentence.slice(pos)));
    return p;
  }

  function percent(value) {
    var n = Number(value);
    if (value === null || value === undefined || value === "" || !isFinite(n)) { return null; }
    if (n <= 1) { n = n * 100; }
    return Math.round(Math.max(0, Math.min(100, n))) + "%";
  }

  function renderRolAnalyse(data) {
    var box = el("section", "rol-analyse");
    box.appendChild(el("h3", null, "Rolanalyse"));
    if (typeof data.zin === "string" && data.zin) { box.appendChild(highlighted(data.zin, data.signalen)); }
    var role = el("p", "rol");
    role.appendChild(el("strong", null, "Rol: "));
    var name = data.naam || data.rol || "geen duidelijke rol";
    role.appendChild(document.createTextNode(String(name) + (data.driehoek ? " (" + data.driehoek + ")" : "")));
    var sure = typeof data.zekerheid_tekst === "string" && data.zekerheid_tekst ? data.zekerheid_tekst : percent(data.zekerheid);
    if (sure) { role.appendChild(document.createTextNode(data.zekerheid_tekst ? ", " + sure : ", zekerheid " + sure)); }
    box.appendChild(role);
    // a turn that shifts role names each role with its sentences, as the chat text does (bot/roles/format.py)
    var shifts = Array.isArray(data.rolwissel) ? data.rolwissel.filter(function (r) { return r && typeof r === "object" && r.naam; }) : [];
    if (shifts.length > 1) {
      box.appendChild(el("p", "rolwissel", "De rol verschuift in deze beurt: eerst " + shifts.map(function (r) {
        return r.naam + (r.citaat ? " (“" + r.citaat + "”)" : "");
      }).join(", daarna ") + "."));
    } else if (typeof data.citaat === "string" && data.citaat) {
      box.appendChild(el("p", "citaat", "De rol zit in dit deel: “" + data.citaat + "”"));
    }
    if (typeof data.reden === "string" && data.reden) { box.appendChild(paragraphs(data.reden, "reden")); }
    if (Array.isArray(data.signalen) && data.signalen.length) {
      var ul = el("ul", "signalen");
      data.signalen.forEach(function (s) {
        if (!s || typeof s !== "object") { return; }
        var words = signalText(s);
        var li = el("li");
        li.appendChild(el("strong", null, (s.naam || "signaal") + (words ? ": " : "")));
        if (words) { li.appendChild(document.createTextNode("“" + words + "”")); }
        ul.appendChild(li);
      });
      box.appendChild(section("Signalen", ul));
    }
    var inv = data.uitnodiging;
    if (!isBlank(inv)) {
      box.appendChild(section("Waartoe nodigt dit uit?", inv && typeof inv === "object" && inv.tekst ? paragraphs(inv.tekst) : inv));
    }
    var alt = data.alternatief;
    if (!isBlank(alt)) {
      if (alt && typeof alt === "object" && !Array.isArray(alt)) {
        var altBox = el("div");
        var own = alt.eigen === true;  // the professional's own sentence: the role to step over to
        // a turn that ends in a reproach at the professional: the advice answers that reproach, and says so
        if (typeof alt.aanleiding === "string" && alt.aanleiding) { altBox.appendChild(el("p", "aanleiding", alt.aanleiding)); }
        if (alt.naam) { altBox.appendChild(el("p", null, (own ? "Stap over naar de rol " : "Antwoord vanuit de rol ") + alt.naam + ".")); }
        if (alt.antwoordstijl) { altBox.appendChild(paragraphs(alt.antwoordstijl)); }
        if (own && !isBlank(alt.kenmerken)) { altBox.appendChild(renderValue(alt.kenmerken, 2)); }
        if (alt.voorbeeld) {
          var lead = own && alt.tegen ? "Bijvoorbeeld, tegen iemand die " + alt.tegen + " is: “" : "Bijvoorbeeld: “";
          altBox.appendChild(el("p", "voorbeeld", lead + alt.voorbeeld + "”"));
        }
        if (!altBox.childNodes.length) { altBox.appendChild(renderValue(alt, 1)); }
        box.appendChild(section(own ? "Hoe stap je eruit?" : "Hoe kun je reageren?", altBox));
      } else {
        box.appendChild(section("Hoe kun je reageren?", alt));
      }
    }
    var tool = data.hulpmiddel;
    if (!isBlank(tool)) {
      if (tool && typeof tool === "object" && !Array.isArray(tool)) {
        var toolBox = el("div");
        if (tool.uitleg) { toolBox.appendChild(paragraphs(tool.uitleg)); }
        if (!isBlank(tool.hoe)) { toolBox.appendChild(renderValue(tool.hoe, 2)); }
        box.appendChild(section("Hulpmiddel: " + (tool.naam || tool.id || ""), toolBox));
      } else {
        box.appendChild(section("Hulpmiddel", tool));
      }
    }
    return box;
  }

  function renderIntake(data) {
    var box = el("section", "intake");
    box.appendChild(el("h3", null, "Samenvatting van de vraagverheldering"));
    if (!isBlank(data.kern)) { box.appendChild(section("Kern van de vraag", data.kern)); }
    if (typeof data.kern_woorden === "string" && data.kern_woorden) { box.appendChild(section("In de woorden van de beller", paragraphs("“" + data.kern_woorden + "”"))); }
    if (!isBlank(data.aspecten)) { box.appendChild(section("Aard, beloop en omvang", data.aspecten)); }
    if (!isBlank(data.steun)) { box.appendChild(section("Steun in het netwerk", data.steun)); }
    if (data.weinig_steun === true) { box.appendChild(el("p", "waarschuwing", "Let op: weinig steun in het netwerk.")); }
    if (!isBlank(data.signalen)) { box.appendChild(section("Signalen", data.signalen)); }
    if (typeof data.veiligheid === "string" && data.veiligheid) {
      box.appendChild(el("p", data.veiligheid.indexOf("uitgevraagd") >= 0 ? "leeg" : "waarschuwing", data.veiligheid));
    }
    if (Array.isArray(data.antwoorden) && data.antwoorden.length) {
      var told = el("ul");
      data.antwoorden.forEach(function (qa) {
        if (Array.isArray(qa) && qa.length === 2) { told.appendChild(el("li", null, qa[0] + " “" + qa[1] + "”")); }
      });
      box.appendChild(section("Verder vertelde de beller", told));
    }
    if (Array.isArray(data.route) && data.route.length) {
      var routes = el("div", "routes");
      data.route.forEach(function (r) {
        if (!r || typeof r !== "object") { routes.appendChild(renderValue(r, 2)); return; }
        var art = el("article", "route");
        art.appendChild(el("h5", null, r.titel || r.route || "Route"));
        if (r.reden) { art.appendChild(paragraphs(r.reden)); }
        if (!isBlank(r.op_grond_van)) { art.appendChild(el("p", "leeg", "Op grond van: " + [].concat(r.op_grond_van).join(", "))); }
        if (Array.isArray(r.diensten) && r.diensten.length) { art.appendChild(renderCards(r.diensten)); }
        routes.appendChild(art);
      });
      box.appendChild(section("Advies voor de route", routes));
    }
    if (typeof data.kaart_melding === "string" && data.kaart_melding) { box.appendChild(paragraphs(data.kaart_melding, "kaart-melding")); }
    if (data.beantwoord !== undefined || data.overgeslagen !== undefined) {
      var answered = Number(data.beantwoord) || 0;
      box.appendChild(el("p", "leeg", answered + (answered === 1 ? " vraag" : " vragen") + " beantwoord, " + (Number(data.overgeslagen) || 0) + " overgeslagen."));
    }
    if (typeof data.tekst === "string" && data.tekst.trim()) { box.appendChild(copyBox(data.tekst)); }
    var known = { soort: 1, id: 1, kern: 1, kern_woorden: 1, aspecten: 1, steun: 1, weinig_steun: 1, signalen: 1,
      route: 1, kaart_melding: 1, beantwoord: 1, overgeslagen: 1, maskering: 1, tekst: 1, veiligheid: 1, antwoorden: 1 };
    Object.keys(data).forEach(function (key) {
      if (!known[key] && !isBlank(data[key])) { box.appendChild(section(label(key), data[key])); }
    });
    return box;
  }

  /* Buttons of another session, or of turns a rewind took back, no longer apply. */
  function retireRetryButtons(sessie, fromTurn) {
    retryButtons = retryButtons.filter(function (r) {
      var stale = (sessie !== undefined && r.sessie !== sessie) || (fromTurn !== undefined && r.sessie === sessie && r.beurt >= fromTurn);
      if (stale) {
        r.button.disabled = true;
        r.button.title = "Deze beurt is niet meer te herhalen.";
      }
      return !stale;
    });
  }

  function retryButton(turn, sessie) {
    var button = el("button", "secundair opnieuw-knop", "Probeer opnieuw vanaf hier");
    button.type = "button";
    button.setAttribute("aria-label", "Probeer opnieuw vanaf beurt " + turn);
    button.setAttribute("data-beurt", String(turn));
    button.addEventListener("click", function () { send("probeer opnieuw vanaf beurt " + turn); });
    retryButtons.push({ button: button, beurt: turn, sessie: sessie });
    return button;
  }

  function renderTension(data) {
    var box = el("section", "rollenspel-beurt");
    var rewind = data.soort === "rollenspel_opnieuw";
    var turn = Number(data.beurt), from = Number(data.vanaf_beurt);
    var sessie = data.sessie === undefined || data.sessie === null ? undefined : data.sessie;
    if (sessie !== undefined) { retireRetryButtons(sessie); }
    if (rewind && Number.isInteger(from) && from >= 1) {
      box.className = "rollenspel-beurt rollenspel-opnieuw";
      box.appendChild(el("h3", null, "Terug naar vlak voor beurt " + from));
      retireRetryButtons(sessie, from);
      lastTension = null;  // the meter shows the earlier tension again, not a rise or fall
    }
    var value = Number(data.spanning);
    if (isFinite(value)) {
      value = Math.max(0, Math.min(10, value));
      var id = "meter-" + Math.random().toString(36).slice(2);
      // the persona ("de vader"), not the drama role ("aanklager": a user test, session 23)
      var who = data.persona ? String(data.persona) : data.rol ? String(data.rol) : "de gesprekspartner";
      var lbl = el("label", "meter-label", "Spanning bij " + who + ": " + value + " van 10");
      lbl.htmlFor = id;
      var meter = document.createElement("meter");
      meter.id = id;
      meter.className = "spanning";
      meter.min = 0; meter.max = 10; meter.low = 4; meter.high = 7; meter.optimum = 0;
      meter.value = value;
      meter.textContent = value + " van 10";
      box.appendChild(lbl);
      box.appendChild(meter);
      if (lastTension !== null && lastTension !== value) {
        box.appendChild(el("p", "trend", value > lastTension ? "De spanning stijgt (was " + lastTension + ")." : "De spanning daalt (was " + lastTension + ")."));
      }
      lastTension = value;
    }
    var move = pick(data, ["zet_naam"]);  // the Dutch name; without one the move is left out, never shown as its id
    if (move !== null) { box.appendChild(section("Jouw zet", move)); }
    var tip = pick(data, ["tip"]);  // the same step a third time in a row: why the tension stayed, what to do now
    if (tip !== null) { box.appendChild(section("Tip", tip)); }
    if (!rewind && Number.isInteger(turn) && turn >= 1) {  // the button sits under the turn, outside its text
      var wrap = el("div", "rollenspel-blok");
      wrap.appendChild(box);
      wrap.appendChild(retryButton(turn, sessie));
      return wrap;
    }
    return box;
  }

  /* 'Kopieer samenvatting': the plain text for the registration system to the clipboard; where the
   * browser does not allow that, the text is selected in a read-only box for Ctrl+C. */
  function copyBox(text) {
    var box = el("div", "kopieer");
    var button = el("button", "secundair kopieer-knop", "Kopieer samenvatting");
    button.type = "button";
    var done = el("span", "kopieer-status");
    done.setAttribute("role", "status");
    var area = el("textarea", "kopieer-tekst");
    area.readOnly = true;
    area.value = text;
    area.rows = 8;
    area.hidden = true;
    area.setAttribute("aria-label", "Samenvatting als platte tekst");
    function fallback() {
      area.hidden = false;
      area.focus();
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      done.textContent = ok ? "Gekopieerd" : "Kopiëren lukte niet vanzelf: de tekst is geselecteerd, druk op Ctrl+C (of Cmd+C).";
    }
    button.addEventListener("click", function () {
      done.textContent = "";
      if (navigator.clipboard && typeof navigator.clipboard.writeText === "function" && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () { done.textContent = "Gekopieerd"; }, fallback);
      } else {
        fallback();
      }
    });
    box.appendChild(button);
    box.appendChild(done);
    box.appendChild(area);
    return box;
  }

  function renderSections(title, className, data, order) {
    var box = el("section", className);
    box.appendChild(el("h3", null, pick(data, ["titel", "naam"]) || title));
    var seen = { soort: true, titel: true, naam: true };
    (order || []).forEach(function (key) {
      if (!isBlank(data[key])) { box.appendChild(section(label(key), data[key])); seen[key] = true; }
    });
    Object.keys(data).forEach(function (key) {
      if (!seen[key] && !isBlank(data[key])) { box.appendChild(section(label(key), data[key])); }
    });
    return box;
  }

  function renderPlan(data) {
    var box = el("section", "gespreksplan");
    var sit = data.situatie && typeof data.situatie === "object" ? data.situatie : {};
    box.appendChild(el("h3", null, data.titel || (sit.wie_tekst ? "Gespreksplan voor een gesprek met " + sit.wie_tekst : "Gespreksplan")));
    if (data.af === false) {  // stopped halfway: kept, but not finished
      var stop = data.gestopt_bij && typeof data.gestopt_bij === "object" ? data.gestopt_bij : {};
      box.appendChild(el("p", "waarschuwing", "Nog niet af" + (stop.naam ? ": gestopt bij stap " + stop.nummer + ", " +
        stop.naam + "." : ".")));
    }
    if (sit.beschrijving) { box.appendChild(paragraphs(sit.beschrijving, "situatie")); }
    if (Array.isArray(data.stappen) && data.stappen.length) {
      var ol = el("ol", "plan-stappen");
      data.stappen.forEach(function (step) {
        var li = el("li");
        if (!step || typeof step !== "object") { li.appendChild(renderValue(step, 2)); ol.appendChild(li); return; }
        li.appendChild(el("strong", null, step.naam || step.id || "Stap"));
        if (step.zin) {
          li.appendChild(el("p", "plan-zin", "“" + step.zin + "”"));
        } else if (step.open) {
          li.appendChild(el("p", "leeg", "Nog niet voorbereid"));
        } else if (step.overgeslagen) {
          li.appendChild(el("p", "leeg", "Overgeslagen"));
        }
        if (step.waarschuwing) { li.appendChild(el("p", "waarschuwing", step.waarschuwing)); }
        ol.appendChild(li);
      });
      box.appendChild(section("Stappen", ol));
    }
    if (!isBlank(data.herinneringen)) { box.appendChild(section("Om te onthouden", data.herinneringen)); }
    if (Array.isArray(data.hulpmiddelen) && data.hulpmiddelen.length) {
      var ul = el("ul");
      data.hulpmiddelen.forEach(function (h) {
        var li = el("li");
        if (h && typeof h === "object") {
          li.appendChild(el("strong", null, h.naam || h.id || ""));
          if (h.wanneer) { li.appendChild(document.createTextNode(": " + h.wanneer)); }
        } else {
          li.textContent = String(h);
        }
        ul.appendChild(li);
      });
      box.appendChild(section("Hulpmiddelen", ul));
    }
    var known = { soort: 1, id: 1, titel: 1, situatie: 1, stappen: 1, herinneringen: 1, hulpmiddelen: 1, af: 1,
      gestopt_bij: 1 };
    Object.keys(data).forEach(function (key) {
      if (!known[key] && !isBlank(data[key])) { box.appendChild(section(label(key), data[key])); }
    });
    return box;
  }

  /* The role-play debrief when no text showed it before (the server drops the copy of a debrief that its text message
   * just showed): the server sends it as its Dutch text (bot.roleplay.feedback.debrief_for_page), else only its parts
   * that are Dutch text already. The page never shows the debrief's data itself: its moves, steps and ending are ids. */
  function renderDebrief(d) {
    var box = el("section", "debrief");
    var title = pick(d, ["titel", "naam"]);
    box.appendChild(el("h3", null, title ? "Nabespreking: " + title : "Nabespreking van het rollenspel"));
    if (typeof d.tekst === "string" && d.tekst.trim()) {
      box.appendChild(paragraphs(d.tekst));
      return box;
    }
    if (typeof d.samenvatting === "string" && d.samenvatting.trim()) { box.appendChild(paragraphs(d.samenvatting)); }
    var tips = Array.isArray(d.tips) ? d.tips.filter(function (t) { return typeof t === "string" && t.trim(); }) : [];
    if (tips.length) {
      var ul = el("ul");
      tips.forEach(function (t) { ul.appendChild(el("li", null, t)); });
      box.appendChild(section(label("tips"), ul));
    }
    if (box.childNodes.length === 1) {
      box.appendChild(el("p", "leeg", "De nabespreking kan ik hier niet tonen. Vraag: hoe deed ik het?"));
    }
    return box;
  }

  var RENDERERS = {
    kaart_resultaten: renderKaart,
    rol_analyse: renderRolAnalyse,
    rollenspel_beurt: renderTension,
    rollenspel_opnieuw: renderTension,
    gespreksplan: renderPlan,
    debrief: renderDebrief,
    rollenspel_hint: function (d) { return renderSections("Hint", "hint", d, []); },
    intake_samenvatting: renderIntake,
    rol_quiz_score: function (d) {
      var box = el("section", "quiz-score");
      box.appendChild(el("h3", null, "Quizscore: " + (Number(d.goed) || 0) + " van " + (Number(d.totaal) || 0) + " goed"));
      if (Array.isArray(d.verwarringen) && d.verwarringen.length) {
        var ul = el("ul");
        d.verwarringen.forEach(function (v) {
          if (v && typeof v === "object") { ul.appendChild(el("li", null, v.juist + " aangezien voor " + v.gegeven + " (" + v.aantal + "×)")); }
        });
        box.appendChild(section("Verwisseld", ul));
      }
      return box;
    }
  };

  function renderCustom(data) {
    try {
      var fn = RENDERERS[data.soort];
      if (fn) { return fn(data); }
      return renderSections("Extra informatie", "onbekend", data, []);
    } catch (e) {
      try { return renderSections("Extra informatie", "onbekend", data, []); } catch (e2) {
        return el("p", "leeg", "Dit onderdeel kan ik niet tonen.");
      }
    }
  }

  // ---- messages --------------------------------------------------------------------------
  function addMessage(msg) {
    emptyHint.hidden = true;
    var li = el("li", "bericht " + (msg.role === "user" ? "van-gebruiker" : "van-bot"));
    li.appendChild(el("span", "visueel-verborgen", msg.role === "user" ? "Jij: " : "Rustpunt: "));
    if (msg.text) { li.appendChild(paragraphs(msg.text)); }
    if (msg.custom && typeof msg.custom === "object") { li.appendChild(renderCustom(msg.custom)); }
    if (msg.image) {
      var src = safeUrl(msg.image);
      if (src) { var img = el("img"); img.src = src; img.alt = ""; li.appendChild(img); }
    }
    if (Array.isArray(msg.buttons) && msg.buttons.length) {
      var group = el("div", "knoppen");
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", "Keuzes");
      msg.buttons.forEach(function (b) {
        var button = el("button", "keuze", b.title);
        button.type = "button";
        button.addEventListener("click", function () { send(b.payload || b.title, b.title); });
        group.appendChild(button);
      });
      li.appendChild(group);
    }
    list.appendChild(li);
    li.scrollIntoView({ block: "end", behavior: "auto" });
    return li;
  }

  function addError(text, retry) {
    var li = el("li", "bericht systeem");
    li.setAttribute("role", "alert");
    li.appendChild(el("p", null, text));
    if (retry) {
      var again = el("button", "secundair", "Opnieuw proberen");
      again.type = "button";
      again.addEventListener("click", function () { li.remove(); retry(); });
      li.appendChild(again);
    }
    list.appendChild(li);
    li.scrollIntoView({ block: "end" });
  }

  function setBusy(on) {
    pending += on ? 1 : -1;
    busy.hidden = pending <= 0;
    list.setAttribute("aria-busy", pending > 0 ? "true" : "false");
  }

  var statusTimer = null;
  var historyLoaded = false;

  /* Show (or clear) the banner; while it shows, ask every 10 s whether Rasa is back. */
  function showStatus(text) {
    statusBox.textContent = text || "";
    statusBox.hidden = !text;
    if (text && statusTimer === null) {
      statusTimer = window.setInterval(checkStatus, 10000);
    } else if (!text && statusTimer !== null) {
      window.clearInterval(statusTimer);
      statusTimer = null;
    }
  }

  function checkStatus() {
    fetch("/api/status").then(readJson).then(function (r) {
      if (r.ok && r.body.bereikbaar) {
        showStatus(null);
        if (!historyLoaded) { restore(); }
      }
    }).catch(function () { /* our own server is away too; keep the banner */ });
  }

  function readJson(response) {
    return response.json().catch(function () { return {}; }).then(function (body) {
      return { ok: response.ok, status: response.status, body: body || {} };
    });
  }

  /* An id for one message, the same on every attempt to send it ('Opnieuw proberen' after a time-out or an error):
     the server hands a message it already handled back with its first answer instead of handling it again. */
  function messageId() {
    var bytes = new Uint8Array(16);
    if (window.crypto && window.crypto.getRandomValues) {
      window.crypto.getRandomValues(bytes);
    } else {
      for (var i = 0; i < bytes.length; i++) { bytes[i] = Math.floor(Math.random() * 256); }
    }
    return Array.prototype.map.call(bytes, function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
  }

  function send(payload, shown, retryOf) {
    var text = String(payload || "").trim();
    if (!text) { addError("Typ eerst een bericht."); return; }
    showNotice(null);
    var id = retryOf || messageId();
    if (!retryOf) { addMessage({ role: "user", text: shown || text }); }  // a retry: the message shows already
    setBusy(true);
    var body = { message: text, id: id };
    var meta = profile();
    if (Object.keys(meta).length) { body.metadata = meta; }
    fetch("/api/chat", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body)
    }).then(readJson).then(function (r) {
      setBusy(false);
      if (!r.ok) {
        addError(r.body.fout || "Er ging iets mis (fout " + r.status + ").", function () { send(payload, shown, id); });
        return;
      }
      showStatus(null);
      if (!historyLoaded) {  // Rasa was away at page load: now show the whole conversation
        while (list.firstChild) { list.removeChild(list.firstChild); }
        restore();
        return;
      }
      var answers = Array.isArray(r.body.berichten) ? r.body.berichten : [];
      if (!answers.length) { addMessage({ role: "bot", text: "(Rustpunt gaf geen antwoord. Typ 'menu' om verder te gaan.)" }); }
      answers.forEach(addMessage);
    }).catch(function () {
      setBusy(false);
      addError(OFFLINE, function () { send(payload, shown, id); });
    });
  }

  function restore() {
    setBusy(true);
    fetch("/api/history", { credentials: "same-origin" }).then(readJson).then(function (r) {
      setBusy(false);
      if (!r.ok) {
        showStatus(r.body.fout || "Het eerdere gesprek kon niet worden geladen.");
        return;
      }
      historyLoaded = true;
      var old = Array.isArray(r.body.berichten) ? r.body.berichten : [];
      list.setAttribute("aria-live", "off");  // do not read the whole history aloud again
      old.forEach(addMessage);
      list.setAttribute("aria-live", "polite");
      document.body.setAttribute("data-geschiedenis", "geladen");
    }).catch(function () {
      setBusy(false);
      showStatus(OFFLINE);
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value;
    if (!text.trim()) { input.focus(); return; }
    input.value = "";
    send(text);
    input.focus();
  });

  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      if (typeof form.requestSubmit === "function") { form.requestSubmit(); } else { sendButton.click(); }
    }
  });

  function showNotice(text) {
    notice.textContent = text || "";
    notice.hidden = !text;
  }

  function clearConversation() {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    historyLoaded = true;  // a new conversation has no history to fetch
    lastTension = null;
    retryButtons = [];
    emptyHint.hidden = false;
    showStatus(null);
  }

  /* Forget this conversation on the server (and start a new one there), then in the page. 'Nieuw gesprek'
   * and 'Wis gesprek' both forget; only the notice differs. On failure the conversation stays and the page says why. */
  /* POST /api/gesprek/wissen: everything of this conversation ('Wis dit gesprek'), or with {nieuw: true} only
     the chat ('Nieuw gesprek': call-backs, summaries, plans and role-play sessions stay). */
  function forget(doneText, newOnly) {
    newButton.disabled = forgetButton.disabled = true;
    showNotice(null);
    setBusy(true);
    fetch("/api/gesprek/wissen", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: newOnly ? "{\"nieuw\": true}" : "{}"
    }).then(readJson).then(function (r) {
      setBusy(false);
      newButton.disabled = forgetButton.disabled = false;
      if (!r.ok) {
        addError(r.body.fout || "Het gesprek kon niet worden gewist (fout " + r.status + ").", function () { forget(doneText, newOnly); });
        return;
      }
      clearConversation();
      showNotice(doneText || r.body.melding || "Het gesprek is gewist. Je begint met een nieuw, leeg gesprek.");
      input.focus();
    }).catch(function () {
      setBusy(false);
      newButton.disabled = forgetButton.disabled = false;
      addError(OFFLINE, function () { forget(doneText, newOnly); });
    });
  }

  newButton.addEventListener("click", function () { forget(null, true); });  // the server's notice says what stays

  forgetButton.addEventListener("click", function () {
    var sure = window.confirm("Wil je dit gesprek wissen? Alles wat je in dit gesprek typte en wat Rustpunt " +
      "ervan bewaarde, wordt verwijderd: ook terugbelverzoeken, de intakesamenvatting, gespreksplannen en " +
      "rollenspelsessies uit dit gesprek en uit eerdere gesprekken die je in deze browser met 'Nieuw gesprek' " +
      "afsloot. Dit kun je niet ongedaan maken.");
    if (sure) { forget(null); }  // the server's notice says whether anything was stored
  });

  restore();
}());
