//! Whole replies: well-written ones (several issue types and platforms; Spanish, French, German,
//! Portuguese, Italian and Russian ones too) get no warning or error; incomplete ones in those
//! languages get the content rules' findings, so the rules read them rather than skip them; replies that break a marketplace policy get that policy rule's error; an
//! appeal that reports a stopped practice gets none.

use std::fs;
use std::path::Path;

use letterlint::diagnostic::{Diagnostic, Severity};
use letterlint::letter::Hints;
use letterlint::rules::{Registry, Settings};

fn lint(text: &str) -> Vec<Diagnostic> {
    let registry = Registry::builtin().expect("built-in rules load");
    let settings = Settings {
        now: "2026-01-10T00:00:00Z".parse().ok(),
        ..Settings::default()
    };
    letterlint::lint(&registry, text, &Hints::default(), &settings).1
}

fn fixtures(dir: &str) -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/replies")
        .join(dir);
    let mut files: Vec<_> = fs::read_dir(&root)
        .expect("fixture folder")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                fs::read_to_string(&p).unwrap(),
            )
        })
        .collect()
}

#[test]
fn good_replies_get_no_warning_or_error() {
    let letters = fixtures("good");
    assert!(letters.len() >= 16);
    for (name, text) in letters {
        let serious: Vec<String> = lint(&text)
            .into_iter()
            .filter(|d| matches!(d.severity, Severity::Error | Severity::Warning))
            .map(|d| format!("{} {}", d.rule, d.message))
            .collect();
        assert!(serious.is_empty(), "{name}: {serious:#?}");
    }
}

#[test]
fn good_replies_in_other_languages_have_their_parts_recognised() {
    use letterlint::letter::PartKind;
    let registry = Registry::builtin().expect("built-in rules load");
    let languages = ["french-", "german-", "portuguese-", "italian-", "russian-"];
    let letters: Vec<_> = fixtures("good").into_iter().filter(|(name, _)| languages.iter().any(|l| name.starts_with(l))).collect();
    assert_eq!(letters.len(), 10);
    for (name, text) in letters {
        let (letter, _) = letterlint::lint(&registry, &text, &Hints::default(), &Settings::default());
        for part in [PartKind::Greeting, PartKind::Thanks, PartKind::Apology, PartKind::Solution, PartKind::Signoff] {
            assert!(letter.has_part(part), "{name}: no {}", part.title());
        }
    }
}

#[test]
fn greetings_sign_offs_and_welcome_messages_are_read_in_other_languages() {
    use letterlint::letter::PartKind;
    let registry = Registry::builtin().expect("built-in rules load");
    // (greeting line, closing line)
    let frames = [
        ("Oi, tudo bem?", "Beijos,"),
        ("Gentile Sig.ra Bianchi,", "Saluti,"),
        ("Bonjour Paul,", "Bien cordialement,"),
        ("Hola Ana:", "Un saludo,"),
        ("Добрый день, Ольга!", "Всего доброго,"),
        ("Hallo Frau Weber,", "Liebe Grüße"),
        ("Olá Pedro,", "Att,"),
        ("Bonjour Paul,", "Merci pour votre patience,"),
        ("Bom dia, Sr. Costa,", "Com os melhores cumprimentos,"),
        ("Ciao Giulia,", "Un abbraccio,"),
        ("Bonjour Madame Roux,", "Avec nos salutations distinguées,"),
        ("Bonjour Paul,", "Belle journée,"),
        // A short closing line ending with a comma, in words no list knows.
        ("Hola Marta,", "Quedo a su disposición,"),
        ("Bonjour Paul,", "Bonne fin de semaine à vous,"),
    ];
    for (greeting, closing) in frames {
        let text = format!("---\nkind: reply\n---\n{greeting}\n\nYour parcel LX123456789CN left our warehouse today and will arrive within 10 days.\n\n{closing}\nLi\n");
        let (letter, _) = letterlint::lint(&registry, &text, &Hints::default(), &Settings::default());
        assert!(letter.has_part(PartKind::Greeting), "{greeting}");
        assert!(letter.has_part(PartKind::Signoff), "{closing}");
    }
    // Welcome auto-replies are recognised, so their hours need a time zone.
    for welcome in [
        "Seja bem-vindo(a) à Loja Sol! Atendemos de segunda a sexta, das 9h às 18h.",
        "Bienvenue chez Maison Lune ! Nous répondons du lundi au vendredi, de 9h00 à 18h00.",
        "Herzlich willkommen bei Lumen! Wir antworten montags bis freitags von 9:00 bis 18:00 Uhr.",
        // `est` (is) and `ist` are no time zones.
        "Bienvenue dans notre boutique ! Notre équipe est disponible de 9 h à 18 h.",
        "Willkommen bei Lumen! Unser Team ist von 9 bis 18 Uhr für Sie da.",
        // An automatic message is a welcome auto-reply in any words.
        "Ceci est un message automatique. Notre équipe vous répond de 9h à 18h.",
        "Это автоматический ответ: мы отвечаем с 9:00 до 18:00.",
    ] {
        let text = format!("---\nkind: reply\n---\n{welcome}\n");
        let found: Vec<String> = lint(&text).into_iter().map(|d| d.rule).collect();
        assert!(found.iter().any(|r| r == "reply/work-hours"), "{welcome}: {found:?}");
    }
}

#[test]
fn english_chat_style_and_acronyms_are_not_reported_in_other_languages() {
    let text = "---\nkind: reply\nlanguage: de\n---\nHallo Anna,\n\nvielen Dank für Ihre Nachricht. Eine kurze Info: Wir antworten montags bis freitags von 9:00 bis 18:00 Uhr (MESZ), und die Erstattung geht auf Ihr Konto mit der IBAN aus Ihrer Zahlung.\n\nMit freundlichen Grüßen\nLi\n";
    let found: Vec<String> = lint(text).into_iter().filter(|d| d.rule == "text/informal" || d.rule == "text/shouting").map(|d| d.message).collect();
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn incomplete_replies_in_other_languages_get_the_content_findings() {
    // A damaged-goods reply with a generic apology, one remedy and no photo request; a delay reply
    // with a cause but no new date and no option.
    let damaged = ["reply/apology", "reply/options", "reply/photo-request"];
    let letters = fixtures("incomplete");
    assert_eq!(letters.len(), 10);
    for (name, text) in letters {
        let found: Vec<String> = lint(&text)
            .into_iter()
            .filter(|d| d.rule.starts_with("reply/"))
            .map(|d| if d.rule == "reply/delay" { format!("{} {}", d.rule, d.message) } else { d.rule.clone() })
            .collect();
        if name.ends_with("-damaged.md") {
            assert_eq!(found, damaged, "{name}");
        } else {
            assert_eq!(found.len(), 2, "{name}: {found:#?}");
            let delay = &found[0];
            assert!(delay.starts_with("reply/delay") && delay.contains("new expected date") && delay.contains("compensation"), "{name}: {delay}");
            assert!(!delay.contains("confirmed cause") && !delay.contains("the problem"), "{name}: {delay}");
            assert_eq!(found[1], "reply/options", "{name}");
        }
    }
}

#[test]
fn refund_customs_hours_and_photo_rules_read_other_languages() {
    // (letter, rule, whether the rule must report it)
    let cases = [
        // fr-refund-good
        ("---\nkind: reply\nreason: refund-timing\nlanguage: fr\n---\nBonjour Marie,\n\nMerci pour votre message. Nous avons effectué le remboursement complet aujourd'hui. Votre banque met de 3 à 20 jours ouvrés pour l'afficher. Si vous ne le voyez toujours pas après ce délai, contactez votre banque puis écrivez-nous ici.\n\nCordialement,\nLi\n", "reply/refund-timeline", false),
        // fr-refund-bad
        ("---\nkind: reply\nreason: refund-timing\nlanguage: fr\n---\nBonjour Marie,\n\nMerci pour votre message. Nous avons effectué le remboursement aujourd'hui, il arrivera bientôt.\n\nCordialement,\nLi\n", "reply/refund-timeline", true),
        // de-customs-good
        ("---\nkind: reply\nreason: customs\nlanguage: de\n---\nHallo Anna,\n\nvielen Dank für Ihre Nachricht. Die Einfuhrabgaben werden vom Zoll in Ihrem Land festgelegt und vom Empfänger bezahlt. Wir senden Ihnen heute die Rechnung, damit die Abfertigung schnell geht.\n\nMit freundlichen Grüßen\nLi\n", "reply/customs", false),
        // de-customs-bad
        ("---\nkind: reply\nreason: customs\nlanguage: de\n---\nHallo Anna,\n\nvielen Dank für Ihre Nachricht. Wir garantieren, dass keine Zollgebühren anfallen. Wir senden Ihnen heute die Rechnung.\n\nMit freundlichen Grüßen\nLi\n", "reply/customs", true),
        // ru-welcome-good
        ("---\nkind: reply\nlanguage: ru\n---\nЗдравствуйте!\n\nДобро пожаловать в наш магазин! Мы отвечаем с 9:00 до 18:00 по московскому времени, с понедельника по пятницу.\n\nС уважением,\nМагазин Lumen\n", "reply/work-hours", false),
        // ru-welcome-bad
        ("---\nkind: reply\nlanguage: ru\n---\nЗдравствуйте!\n\nДобро пожаловать в наш магазин! Мы отвечаем с 9:00 до 18:00, с понедельника по пятницу.\n\nС уважением,\nМагазин Lumen\n", "reply/work-hours", true),
        // pt-photo-vague
        ("---\nkind: reply\nreason: damaged\nlanguage: pt\n---\nOlá Ana,\n\nObrigada pela sua mensagem. Sentimos muito que a luminária tenha chegado quebrada.\n\nPor favor, envie-nos uma foto.\n\nDepois disso, você pode escolher: enviamos uma nova luminária em 2 dias, ou reembolsamos o valor total em 3 dias.\n\nAtenciosamente,\nLi\n", "reply/photo-request", true),
        // the details of a photo request in the next sentence
        ("---\nkind: reply\nreason: damaged\nlanguage: it\n---\nBuongiorno Sara,\n\nci dispiace che la tazza sia arrivata rotta. Può inviarci due foto? Una della crepa da vicino e una della scatola.\n\nPoi potrà scegliere: le inviamo una tazza nuova entro 2 giorni oppure la rimborsiamo per intero.\n\nCordiali saluti,\nLi\n", "reply/photo-request", false),
        // a time zone earlier in the paragraph covers the converted hours
        ("---\nkind: reply\nreason: welcome\nlanguage: de\n---\nHallo,\n\nwillkommen bei Lumen! Wir sind von 9:00 bis 18:00 Uhr Pekinger Zeit (UTC+8) für Sie da, in Deutschland also von 3:00 bis 12:00 Uhr.\n\nMit freundlichen Grüßen\nLumen\n", "reply/work-hours", false),
        // early confirmation when the marketplace is unknown
        ("Hi Ann,\n\nThe second parcel is still on its way. Please confirm receipt of the order now, even though it has not arrived yet.\n\nBest regards,\nLi\n", "policy/early-confirmation", true),
        // informal German options ('ich erstatte dir')
        ("---\nkind: reply\nreason: damaged\nlanguage: de\n---\nHallo Jana,\n\ndas tut mir echt leid, die Tasse ist mit einem Riss angekommen. Schick mir bitte zwei Fotos: den Riss in Nahaufnahme und den Karton von außen.\n\nDann kannst du wählen: Ich schicke dir in 3 Tagen eine neue Tasse, oder ich erstatte dir den Preis komplett.\n\nLiebe Grüße\nAnja\n", "reply/options", false),
        // the whole item as 'la funda extendida'
        ("---\nkind: reply\nreason: wrong-item\nlanguage: es\n---\nHola, Javier:\n\nTe pido disculpas: te enviamos la funda beige en lugar de la gris, fue un error nuestro. Necesito dos fotos: la funda extendida y la etiqueta cosida en la costura.\n\nPuedes elegir: te enviamos la gris en 2 días hábiles, o te hacemos el reembolso completo hoy.\n\nUn saludo,\nLin\n", "reply/photo-request", false),
        // options on lines after a choice that ends with a colon, not a Markdown list
        ("---\nkind: reply\nreason: wrong-item\nlanguage: es\n---\nHola, Javier:\n\nTe pido disculpas: te enviamos la funda beige en lugar de la gris. Necesito dos fotos: la funda extendida y la etiqueta cosida.\n\nCon eso, elige lo que prefieras:\na) Te enviamos la funda gris sin coste en 2 días hábiles.\nb) Te devolvemos los 34,99 € a través de AliExpress en 1 día hábil.\n\nUn saludo,\nLin\n", "reply/options", false),
    ];
    for (text, rule, expected) in cases {
        let found: Vec<String> = lint(text).into_iter().filter(|d| d.rule == rule).map(|d| d.message).collect();
        assert_eq!(!found.is_empty(), expected, "{rule} on\n{text}\n{found:#?}");
    }
}

#[test]
fn policy_breaking_replies_get_their_error() {
    let expected = [
        ("contact.md", "policy/off-platform-contact"),
        ("payment.md", "policy/off-platform-payment"),
        ("external-link.md", "policy/external-link"),
        ("review.md", "policy/review-manipulation"),
        ("customs-misdeclaration.md", "policy/customs-misdeclaration"),
        ("early-confirmation.md", "policy/early-confirmation"),
    ];
    let letters = fixtures("bad");
    assert_eq!(letters.len(), expected.len());
    for (name, rule) in expected {
        let text = &letters.iter().find(|(n, _)| n == name).expect(name).1;
        let found: Vec<Diagnostic> = lint(text).into_iter().filter(|d| d.rule == rule).collect();
        assert!(!found.is_empty(), "{name}: {rule} not reported");
        assert!(
            found.iter().all(|d| d.severity == Severity::Error),
            "{name}: {rule} is not an error"
        );
    }
}

#[test]
fn contact_details_are_flagged_in_appeals_too_but_not_a_stopped_practice() {
    let giving = "---\nkind: appeal\nplatform: wish\n---\nDear Wish team,\n\nIf you need anything, call me on +86 139 1234 5678.\n\nSincerely,\nLi\n";
    assert!(
        lint(giving)
            .iter()
            .any(|d| d.rule == "policy/off-platform-contact")
    );
    let stopped = "---\nkind: appeal\nplatform: wish\n---\nDear Wish team,\n\nWe stopped using WhatsApp with buyers on 2 May and now answer only through Wish messages.\n\nSincerely,\nLi\n";
    assert!(!lint(stopped).iter().any(|d| d.rule.starts_with("policy/")));
}

#[test]
fn spanish_reply_to_an_english_buyer_is_flagged() {
    let text = fixtures("good")
        .into_iter()
        .find(|(n, _)| n == "spanish-refund.md")
        .unwrap()
        .1
        .replace("language: es", "language: en");
    assert!(lint(&text).iter().any(|d| d.rule == "reply/language"));
}

#[test]
fn phrasing_fixes_apply_and_recheck_clean() {
    let registry = Registry::builtin().unwrap();
    let settings = Settings::default();
    let hints = Hints::default();
    let text = "Hi Anna,\n\nWe have add the tracking number and will reply you within 24 hours. Please kindly contact us firstly.\n\nBest regards,\nLi\n";
    let (fixed, applied) = letterlint::fix_text(&registry, text, &hints, &settings, false);
    assert!(applied >= 3, "{fixed}");
    assert!(fixed.contains("We have added the tracking number and will reply to you within 24 hours. Please contact us first."), "{fixed}");
    let (_, after) = letterlint::lint(&registry, &fixed, &hints, &settings);
    assert!(
        !after.iter().any(|d| d.rule.starts_with("phrasing/")),
        "{after:?}"
    );
}
