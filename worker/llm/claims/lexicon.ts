/**
 * Word lists of the claim checker, per language (English, German, French, Spanish), all folded (lower
 * case, no accents; see normalize.ts). They describe kinds of words — event verbs, time anchors,
 * number words — never sentences: the checker must judge lines it has never seen.
 */
export type Language = "en" | "de" | "fr" | "es";
export const LANGUAGES: Language[] = ["en", "de", "fr", "es"];

export function languageOf(code: string | undefined): Language {
  const short = (code ?? "en").toLowerCase().slice(0, 2);
  return (LANGUAGES as string[]).includes(short) ? (short as Language) : "en";
}

/**
 * Event and state claims, by group: a line's "raised" is supported by a source's "funding round".
 * Words for the people around an event ("investors", "speakers") are not events: "the timelines
 * investors watch" says nothing happened.
 */
export type EventGroup =
  | "funding" | "hiring" | "launch" | "opening" | "award" | "partnership" | "acquisition" | "expansion"
  | "move" | "migration" | "press" | "talk" | "publication" | "announcement" | "ipo";

export const EVENT_WORDS: Record<Language, Array<[EventGroup, RegExp]>> = {
  en: [
    ["funding", /^(rais(e|ed|es|ing)|fund(ed|ing|raise|raising)|round|seed|series|backed|backing)$/],
    ["hiring", /^(hir(e|ed|es|ing)|recruit(s|ed|ing|ment)?|headcount|openings?|vacanc(y|ies))$/],
    ["launch", /^(launch(ed|es|ing)?|releas(e|ed|es|ing)|unveil(s|ed|ing)?|rolled|debut(s|ed)?|shipp?(ed|ing))$/],
    ["opening", /^open(ed|ing|s)$/],
    ["award", /^(won|win(s|ning|ner|ners)?|awards?|awarded|prizes?|honou?red|ranked)$/],
    ["partnership", /^(partner(ed|ing|ship|ships)|teamed)$/],
    ["acquisition", /^(acquir(e|ed|es|ing)|acquisitions?|bought|merg(e|ed|er|ing))$/],
    ["expansion", /^(expand(ed|s|ing)?|expansion|doubled|tripled)$/],
    ["move", /^(mov(ed|ing)|relocat(e|ed|ing|ion)|headquartered)$/],
    ["migration", /^(migrat(e|ed|es|ing|ion)|switch(ed|ing)|replatform(ed|ing)?)$/],
    ["press", /^(featured|interview(ed|s)?|coverage|profiled|mentioned)$/],
    ["talk", /^(spoke|spoken|speak(s|ing)|keynotes?|panels?|webinars?|talks?|conferences?|summit)$/],
    ["publication", /^(posts?|posted|blog(s|ged)?|articles?|podcasts?|episodes?|newsletters?|wrote|written|tweet(s|ed)?|published|op-ed|whitepaper|report)$/],
    ["announcement", /^(announc(e|ed|es|ing|ement|ements)|congrats|congratulations)$/],
    ["ipo", /^(ipo|listed|listing)$/],
  ],
  de: [
    ["funding", /^(finanzierung(srunde)?|finanzierungsrunden?|runde|seed|series|eingesammelt)$/],
    ["hiring", /^(stell(t|en)|einstellung(en)?|eingestellt|rekrutier(t|en|ung)|sucht|suchen|neue?n? (stellen|mitarbeitende))$/],
    ["launch", /^(gestartet|startet|lanciert|eingefuhrt|vorgestellt|veroffentlicht|launch)$/],
    ["opening", /^(eroffnet|eroffnung|eroffnen)$/],
    ["award", /^(gewonnen|gewinnt|gewinner(in)?|preis|auszeichnung(en)?|ausgezeichnet|award)$/],
    ["partnership", /^(partnerschaft(en)?|kooperation(en)?|zusammenarbeit|partnert)$/],
    ["acquisition", /^(ubernommen|ubernahme|ubernimmt|gekauft|ubernehmen|fusion|fusioniert)$/],
    ["expansion", /^(expandiert|expansion|expandieren|verdoppelt|ausgebaut|erweitert)$/],
    ["move", /^(umgezogen|umzug|verlegt|zieht)$/],
    ["migration", /^(migriert|migration|umgestiegen|umgestellt|wechsel|gewechselt)$/],
    ["press", /^(interview|berichtet|erwahnt|portratiert|presse)$/],
    ["talk", /^(vortrag|vortrage|keynote|gesprochen|sprach|spricht|panel|konferenz|webinar)$/],
    ["publication", /^(beitrag|beitrage|artikel|podcast|folge|gepostet|blog|newsletter|geschrieben|veroffentlichung)$/],
    ["announcement", /^(angekundigt|kundigt|ankundigung|glueckwunsch|gluckwunsch|herzlichen)$/],
    ["ipo", /^(borsengang|ipo)$/],
  ],
  fr: [
    ["funding", /^(leve(e|es)?|levee|financement|financements|tour|seed|serie|fonds)$/],
    ["hiring", /^(recrut(e|ez|ent|er|ement|ements|ons)|embauch(e|ez|ent|er|es))$/],
    ["launch", /^(lanc(e|ez|ent|er|ement|ee)|sorti(e)?|devoile|presente)$/],
    ["opening", /^(ouvert(e|es|s)?|ouverture|inaugure)$/],
    ["award", /^(remporte|gagne|prix|recompense(e|s)?|laureat(e)?|trophee)$/],
    ["partnership", /^(partenariat(s)?|associe(e|s)?|collaboration)$/],
    ["acquisition", /^(rachet(e|ee)|rachat|acquis(e)?|acquisition|fusion|fusionne)$/],
    ["expansion", /^(etend(u|ue)?|expansion|double|developpe)$/],
    ["move", /^(demenage|demenagement|installe(e|s)?|transfere)$/],
    ["migration", /^(migre|migration|passe|bascule)$/],
    ["press", /^(interview|entretien|cite(e)?|presse)$/],
    ["talk", /^(conference|intervention|intervenu(e)?|keynote|table ronde|webinaire|parle)$/],
    ["publication", /^(post|publication|article|podcast|episode|publie|ecrit|billet|newsletter)$/],
    ["announcement", /^(annonce(e|z|nt)?|felicitations|bravo)$/],
    ["ipo", /^(introduction|ipo|cotee)$/],
  ],
  es: [
    ["funding", /^(ronda|levantado|levantaron|levanto|recaudado|financiacion|financiamiento|semilla|serie)$/],
    ["hiring", /^(contrat(a|an|ando|ado|acion)|incorpor(a|an|ando)|reclut(a|an|ando|amiento)|vacantes?)$/],
    ["launch", /^(lanz(ado|ada|ó|o|amiento|aron)|lanzo|present(ado|ada|aron)|estrenado)$/],
    ["opening", /^(abierto|abrieron|abrio|apertura|inaugurado)$/],
    ["award", /^(ganado|gano|ganador(a)?|premio|premiad(o|a)|galardon|galardonad(o|a))$/],
    ["partnership", /^(alianza|asociacion|socios?|colaboracion)$/],
    ["acquisition", /^(adquirid(o|a)|adquisicion|compr(o|ado|ada)|fusion)$/],
    ["expansion", /^(expandido|expansion|ampliado|duplicado|crecido)$/],
    ["move", /^(mudado|mudanza|traslado|trasladado)$/],
    ["migration", /^(migrado|migracion|cambiado)$/],
    ["press", /^(entrevista|mencionad(o|a)|prensa)$/],
    ["talk", /^(charla|ponencia|conferencia|keynote|webinar|hablo|panel)$/],
    ["publication", /^(publicacion|post|articulo|podcast|episodio|publicado|escrito|blog|newsletter)$/],
    ["announcement", /^(anunciad(o|a)|anuncio|anunciaron|enhorabuena|felicidades|felicitaciones)$/],
    ["ipo", /^(ipo|bolsa|cotiza)$/],
  ],
};

/**
 * Values of number words. "one" (an article in German, French and Spanish too), "first", "half" and
 * "several" are left out: far more often a figure of speech than a figure.
 */
export const NUMBER_WORDS: Record<Language, Record<string, number>> = {
  en: {
    two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
    thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
    thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, thousand: 1000,
    million: 1e6, billion: 1e9, dozen: 12, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7,
    eighth: 8, ninth: 9, tenth: 10, twice: 2, triple: 3, hundredth: 100,
  },
  de: {
    zwei: 2, drei: 3, vier: 4, funf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10, elf: 11, zwolf: 12,
    zwanzig: 20, dreissig: 30, vierzig: 40, funfzig: 50, sechzig: 60, siebzig: 70, achtzig: 80, neunzig: 90,
    hundert: 100, tausend: 1000, million: 1e6, millionen: 1e6, milliarde: 1e9, milliarden: 1e9, dutzend: 12,
    zweite: 2, zweiten: 2, dritte: 3, dritten: 3, vierte: 4, vierten: 4, funfte: 5, funften: 5, zehnte: 10,
    zweimal: 2, dreimal: 3,
  },
  fr: {
    deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12,
    quinze: 15, vingt: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60, cent: 100, cents: 100,
    mille: 1000, million: 1e6, millions: 1e6, milliard: 1e9, milliards: 1e9, douzaine: 12, dizaine: 10,
    centaine: 100, deuxieme: 2, troisieme: 3, quatrieme: 4, cinquieme: 5, dixieme: 10,
  },
  es: {
    dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, once: 11, doce: 12,
    quince: 15, veinte: 20, treinta: 30, cuarenta: 40, cincuenta: 50, sesenta: 60, cien: 100, ciento: 100,
    cientos: 100, mil: 1000, millon: 1e6, millones: 1e6, docena: 12, decena: 10, segundo: 2, segunda: 2,
    tercer: 3, tercero: 3, tercera: 3, cuarto: 4, cuarta: 4, quinto: 5, quinta: 5,
  },
};

/** Vague quantities: supported when the data holds a number in their range. */
export const QUANTITY_WORDS: Record<Language, Record<string, [number, number]>> = {
  en: { dozens: [24, 199], hundreds: [200, 9999], thousands: [2000, 999999], millions: [2e6, 1e12] },
  de: { dutzende: [24, 199], hunderte: [200, 9999], tausende: [2000, 999999] },
  fr: { dizaines: [20, 199], centaines: [200, 9999], milliers: [2000, 999999] },
  es: { decenas: [20, 199], cientos: [200, 9999], miles: [2000, 999999] },
};

/** Single words that anchor a claim in time ("recently", "yesterday"). */
export const TIME_WORDS: Record<Language, RegExp> = {
  en: /^(recent|recently|lately|latest|newest|yesterday|ago|newly|fresh|freshly|earlier|q[1-4]|h[12])$/,
  de: /^(kurzlich|neulich|jungst|jungsten|jungste|neueste|neuesten|gestern|fruher|q[1-4]|h[12])$/,
  fr: /^(recemment|recent|recente|recents|dernierement|hier|q[1-4]|t[1-4])$/,
  es: /^(recientemente|reciente|recientes|ayer|q[1-4])$/,
};

/**
 * Words that make a time anchor out of the next word ("last" month, "this" spring). The future ("next
 * quarter") is left out: it plans rather than reports, and a made-up future event has its event word.
 */
export const TIME_LEADS: Record<Language, RegExp> = {
  en: /^(last|this|past|earlier)$/,
  de: /^(letzte[nmrs]?|vergangene[nmrs]?|diese[nmrs]?|vorige[nmrs]?|im|seit|vor)$/,
  fr: /^(dernier|derniere|ce|cet|cette|depuis|il)$/,
  es: /^(pasado|pasada|este|esta|ultimo|ultima|hace|desde)$/,
};

/** Time units and seasons that follow a lead word (or precede "dernier", "pasado"). */
export const TIME_UNITS: Record<Language, RegExp> = {
  en: /^(week|month|year|quarter|spring|summer|fall|autumn|winter|weekend|season|decade)s?$/,
  de: /^(woche|wochen|monat|monaten|monate|jahr|jahres|jahren|quartal|quartals|fruhjahr|fruhling|sommer|herbst|winter)$/,
  fr: /^(semaine|semaines|mois|an|ans|annee|annees|trimestre|printemps|ete|automne|hiver)$/,
  es: /^(semana|semanas|mes|meses|ano|anos|trimestre|primavera|verano|otono|invierno)$/,
};

/** Month names in every language (a source that names a month holds a date). */
export const MONTHS = /^(january|february|march|april|may|june|july|august|september|october|november|december|januar|februar|marz|mai|juni|juli|oktober|dezember|janvier|fevrier|mars|avril|juin|juillet|aout|septembre|octobre|novembre|decembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)$/;
/** Weekdays name habits ("every Monday"), not facts; never a name. */
export const WEEKDAYS = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miercoles|jueves|viernes|sabado|domingo)$/;

/** Nouns for places and sites: "two cities" is supported when the data names two places. */
export const PLACE_NOUNS = /^(cit(y|ies)|sites?|locations?|countr(y|ies)|markets?|regions?|offices?|branches|stores?|standort(e|en)?|stadt|stadten|staedte|lander|landern|filialen|villes?|pays|sites|agences|ciudades?|destinos?|paises|sedes?|tiendas?)$/;
/** Before a role abbreviation, these make it a role at the prospect ("your CFO"), not a title claim. */
export const ROLE_DETERMINERS = /^(your|their|a|an|ihr|ihre|ihren|ihrem|votre|vos|leur|un|une|su|sus|un|una)$/;
/** Anywhere earlier in its clause, these make a claim conditional ("whether it gets bought"). */
export const CONDITIONAL = /^(whether|if|unless|ob|falls|si|sinon)$/;

/** English months that are ordinary words too. */
export const AMBIGUOUS_MONTHS = new Set(["may", "march", "mars"]);

/** "just" in the sense "a moment ago", recognised only right before an event word. */
export const JUST_WORDS: Record<Language, RegExp> = {
  en: /^(just|newly|freshly)$/,
  de: /^(gerade|soeben|frisch|eben)$/,
  fr: /^(vient|viens|venez|viennent|venons)$/,
  es: /^(acaba|acaban|acabas|acabais|acabamos)$/,
};

/** A claim right after one of these is hypothetical ("could help you hire"), not a fact. */
export const HYPOTHETICAL: Record<Language, RegExp> = {
  en: /^(can|could|may|might|would|will|should|to|help|helps|helping|easier|faster|without|whether|plan|planning|want|wants|need|needs|every|each|any)$/,
  de: /^(kann|kannst|konnen|konnte|konnten|wurde|wurden|wird|werden|sollte|zu|hilft|helfen|ohne|ob|jede|jeder|jedes)$/,
  fr: /^(peut|peuvent|pourrait|pourraient|pourrez|aider|aide|aident|pour|sans|si|chaque)$/,
  es: /^(puede|pueden|podria|podrian|ayudar|ayuda|ayudan|para|sin|si|cada)$/,
};

/** Modal verbs: a time anchor anywhere after one in its clause is a plan or a wish ("could save hours this year"). */
export const MODALS: Record<Language, RegExp> = {
  en: /^(can|could|may|might|would|will|should|ll)$/,
  de: /^(kann|konnen|konnte|konnten|wurde|wurden|wird|werden|sollte|sollten)$/,
  fr: /^(peut|peuvent|pourrait|pourraient|pourra|pourrez|sera|serait)$/,
  es: /^(puede|pueden|podria|podrian|podra|sera|seria)$/,
};

/** Holidays and shopping seasons: a calendar everyone shares, never a claim about the prospect. */
export const HOLIDAYS = new Set([
  "christmas", "easter", "thanksgiving", "halloween", "ramadan", "diwali", "black", "friday", "cyber", "prime",
  "weihnachten", "ostern", "noel", "paques", "navidad", "semana", "santa", "rebajas", "soldes",
]);

/** Numbers that are idioms, not figures ("24/7 support", "a 360-degree view"). */
export const IDIOM_NUMBERS = /^(24\/7|24x7|360(-degree)?)$/;

/** A clause with one of these and no word about the prospect is a remark about a kind of company. */
export const GENERIC_MARKERS: Record<Language, RegExp> = {
  en: /^(often|usually|typically|tend|tends|many|most|commonly|generally|frequently|whenever|when|if|once|teams|companies|firms|businesses|brands|agencies|retailers|startups)$/,
  de: /^(oft|haufig|meist|meistens|typischerweise|viele|wenn|sobald|teams|unternehmen|firmen|marken|agenturen|handler)$/,
  fr: /^(souvent|generalement|beaucoup|plupart|quand|lorsque|lorsqu|equipes|entreprises|societes|marques|agences)$/,
  es: /^(menudo|suelen|suele|normalmente|muchas|muchos|mayoria|cuando|equipos|empresas|compañias|companias|marcas|agencias)$/,
};

/** Words that point at the prospect ("you", "your"); the company and person names are added per row. */
export const PROSPECT_WORDS: Record<Language, RegExp> = {
  en: /^(you|your|yours|you're|you've|you'd|yourself)$/,
  de: /^(sie|ihr|ihre|ihren|ihrem|ihrer|ihres|du|dein|deine|deinen|euer|eure)$/,
  fr: /^(vous|votre|vos|tu|ton|ta|tes)$/,
  es: /^(usted|ustedes|su|sus|tu|tus|vuestro|vuestra)$/,
};

/** "brands like X", "clients such as X": what follows is a list of names. */
export const LIST_TRIGGERS: Record<Language, RegExp> = {
  en: /^(like|including|such as|e\.g|incl)$/,
  de: /^(wie|etwa|darunter|u\.a|z\.b|beispielsweise)$/,
  fr: /^(comme|notamment|dont|tels que|telles que)$/,
  es: /^(como|incluidos|incluidas|incluyendo)$/,
};

/** Verbs whose object is a tool or a state of the prospect ("uses Salesforce", "runs on Shopify"). */
export const TOOL_VERBS: Record<Language, RegExp> = {
  en: /^(use|uses|using|used|runs|run|running|built|relies|rely|switched|moved|migrated|powered)$/,
  de: /^(nutzt|nutzen|verwendet|verwenden|setzt|setzen|arbeitet|arbeiten|basiert)$/,
  fr: /^(utilise|utilisez|utilisent|emploie|employez|tourne|repose)$/,
  es: /^(usa|usan|usais|utiliza|utilizan|emplea|emplean)$/,
};
/** Words allowed between a tool verb and the tool ("runs on", "is built on", "arbeitet mit"). */
export const TOOL_GLUE = /^(on|with|to|over|auf|mit|sur|avec|sous|con|en|the|a|an|der|die|das|den|le|la|les|el|los|las)$/;

/** Function words, dropped from names ("Startup of the Year") and never a name at sentence start. */
export const STOP_WORDS = new Set([
  "a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "at", "by", "with", "from", "as", "is", "are",
  "i", "we", "you", "your", "it", "its", "our", "my", "this", "that", "these", "those", "since", "after", "before",
  "with", "while", "when", "now", "given", "seeing", "saw", "noticed", "congrats", "congratulations", "hi", "hello",
  "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "und", "oder", "fur", "von", "zu", "im", "in",
  "mit", "bei", "als", "seit", "nach", "sie", "ihr", "ihre", "wir", "ich", "da", "wie", "dass",
  "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "et", "ou", "pour", "avec", "chez", "en", "au", "aux",
  "vous", "votre", "vos", "nous", "je", "depuis", "apres", "comme", "que",
  "el", "los", "las", "uno", "una", "unos", "y", "o", "para", "con", "del", "al", "su", "sus", "usted",
  "desde", "tras", "como", "que", "nosotros",
]);

/** Capitalised abbreviations that name a kind of thing, not a particular organisation. */
export const GENERIC_CAPS = new Set([
  "ai", "b2b", "b2c", "saas", "crm", "erp", "roi", "kpi", "kpis", "api", "apis", "hr", "it", "seo", "sem", "smb",
  "smbs", "sme", "smes", "ok", "csv", "pdf", "ui", "ux", "qa", "dtc", "d2c", "ki", "pme", "pyme", "pymes", "rh",
  "ia", "gtm", "sdr", "sdrs", "bdr", "bdrs", "ae", "aes", "ops", "revops", "devops", "ml", "llm",
]);

/** Legal forms: "Acme GmbH" and "Acme" are the same company. */
export const LEGAL_SUFFIXES = new Set([
  "inc", "llc", "ltd", "limited", "gmbh", "ag", "sa", "sarl", "sas", "bv", "nv", "plc", "corp", "corporation",
  "co", "kg", "ug", "oy", "ab", "spa", "srl", "sl", "pty", "pte", "llp", "lp", "se", "kgaa", "ohg", "gbr", "sasu",
]);

/** Titles' abbreviations, so "Chief Executive" meets a title cell "CEO". */
export const TITLE_ABBREVIATIONS: Record<string, string> = {
  ceo: "chief executive officer", cto: "chief technology officer", cfo: "chief financial officer",
  coo: "chief operating officer", cmo: "chief marketing officer", cro: "chief revenue officer",
  cpo: "chief product officer", cio: "chief information officer", vp: "vice president", svp: "senior vice president",
  evp: "executive vice president", md: "managing director", gm: "general manager", gf: "geschaftsfuhrer",
  pdg: "president directeur general", dg: "directeur general",
};
