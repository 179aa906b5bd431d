//! Marketplace policy (`policy/*`), vague promises (`reply/expectations`), blame and hollow
//! apologies (`tone/blame`, `tone/non-apology`) in the buyer's language: French, Spanish, German, Portuguese, Italian and Russian wording that breaks a policy
//! is reported, and correct sentences in those languages are left alone.

use letterlint::letter::Hints;
use letterlint::rules::{Registry, Settings};

/// The policy and expectation rules that report `sentence` in a short AliExpress reply.
fn rules_on(registry: &Registry, sentence: &str) -> Vec<String> {
    let text = format!("---\nkind: reply\nplatform: aliexpress\n---\nHi,\n\n{sentence}\n\nBest regards,\nLi\n");
    let (_, diagnostics) = letterlint::lint(registry, &text, &Hints::default(), &Settings::default());
    diagnostics
        .into_iter()
        .filter(|d| d.rule.starts_with("policy/") || ["reply/expectations", "tone/blame", "tone/non-apology"].contains(&d.rule.as_str()))
        .map(|d| d.rule)
        .collect()
}

#[test]
fn policy_and_expectation_rules_read_the_buyers_language() {
    let registry = Registry::builtin().expect("built-in rules load");
    // (sentence, the rule that must report it, or none for a correct sentence)
    let cases: &[(&str, Option<&str>)] = &[
        ("Contactez-nous sur WhatsApp +33 6 12 34 56 78 pour aller plus vite.", Some("policy/off-platform-contact")),
        ("Envoyez-nous votre numéro de téléphone pour le livreur.", Some("policy/off-platform-contact")),
        ("Escríbenos por WhatsApp al +34 612 345 678.", Some("policy/off-platform-contact")),
        ("Envíanos tu número de teléfono, por favor.", Some("policy/off-platform-contact")),
        ("Kontaktieren Sie uns auf WhatsApp: +49 151 2345678.", Some("policy/off-platform-contact")),
        ("Bitte schicken Sie uns Ihre Telefonnummer.", Some("policy/off-platform-contact")),
        ("Schicken Sie uns bitte Ihre Telefonnummer.", Some("policy/off-platform-contact")),
        ("Fale conosco pelo WhatsApp 11 98765-4321.", Some("policy/off-platform-contact")),
        ("Envie-nos seu número de telefone.", Some("policy/off-platform-contact")),
        ("Scrivici su WhatsApp al 333 1234567.", Some("policy/off-platform-contact")),
        ("Inviaci il tuo numero di telefono.", Some("policy/off-platform-contact")),
        ("Напишите нам в WhatsApp: +7 912 345-67-89.", Some("policy/off-platform-contact")),
        ("Пришлите нам ваш номер телефона.", Some("policy/off-platform-contact")),
        ("Vérifiez que le numéro de téléphone de votre adresse de livraison est correct.", None),
        ("Répondez simplement à ce message ici.", None),
        ("Payez-nous directement par PayPal et nous enverrons le colis.", Some("policy/off-platform-payment")),
        ("Pague por transferencia bancaria y le daremos un descuento.", Some("policy/off-platform-payment")),
        ("Bitte zahlen Sie per Banküberweisung.", Some("policy/off-platform-payment")),
        ("Pague diretamente no Pix.", Some("policy/off-platform-payment")),
        ("Pagate tramite bonifico bancario.", Some("policy/off-platform-payment")),
        ("Переведите деньги на карту, и мы отправим заказ.", Some("policy/off-platform-payment")),
        ("Le remboursement sera fait sur votre carte par AliExpress.", None),
        ("Laissez-nous 5 étoiles et nous vous offrons un coupon.", Some("policy/review-manipulation")),
        ("Déjenos una reseña positiva, por favor.", Some("policy/review-manipulation")),
        ("Bitte löschen Sie Ihre Bewertung, dann erstatten wir Ihnen 10 %.", Some("policy/review-manipulation")),
        ("Remova sua avaliação e devolvemos o dinheiro.", Some("policy/review-manipulation")),
        ("Ci lasci una recensione positiva.", Some("policy/review-manipulation")),
        ("Удалите отзыв, и мы вернём деньги.", Some("policy/review-manipulation")),
        ("Merci pour votre avis positif.", None),
        ("Gracias por su reseña positiva.", None),
        ("Nous pouvons déclarer le colis comme cadeau pour éviter les taxes.", Some("policy/customs-misdeclaration")),
        ("Podemos declarar el paquete como regalo.", Some("policy/customs-misdeclaration")),
        ("Wir können das Paket als Geschenk deklarieren.", Some("policy/customs-misdeclaration")),
        ("Vamos declarar como presente para não pagar imposto.", Some("policy/customs-misdeclaration")),
        ("Possiamo dichiarare il pacco come regalo.", Some("policy/customs-misdeclaration")),
        ("Мы укажем заниженную стоимость, чтобы не было пошлины.", Some("policy/customs-misdeclaration")),
        ("No podemos declarar el paquete como regalo.", None),
        ("Confirmez la réception dès maintenant, même si le colis n'est pas arrivé.", Some("policy/early-confirmation")),
        ("Por favor, confirme la recepción ahora, aunque no haya llegado.", Some("policy/early-confirmation")),
        ("Пожалуйста, подтвердите получение заранее.", Some("policy/early-confirmation")),
        // Words between the verb, the receipt and the "early" word, in any order.
        ("Ti chiediamo di confermare già adesso la ricezione dell'ordine su AliExpress.", Some("policy/early-confirmation")),
        ("Könnten Sie den Erhalt der Bestellung in der App schon jetzt bestätigen?", Some("policy/early-confirmation")),
        ("Подтвердите, пожалуйста, получение заказа в приложении уже сейчас.", Some("policy/early-confirmation")),
        ("¿Podría confirmar la recepción del pedido en AliExpress hoy mismo?", Some("policy/early-confirmation")),
        ("Confermi la ricezione solo dopo aver ricevuto e controllato il pacco.", None),
        ("Bitte bestätigen Sie den Erhalt erst, nachdem Sie das Paket geprüft haben.", None),
        ("Confirme o recebimento agora, mesmo que ainda não tenha chegado.", Some("policy/early-confirmation")),
        ("Por favor, confirme la recepción cuando reciba el paquete.", None),
        ("Nous vous enverrons le colis bientôt.", Some("reply/expectations")),
        ("Wir senden das Paket bald.", Some("reply/expectations")),
        ("Le enviaremos el paquete en breve.", Some("reply/expectations")),
        ("Enviaremos o pacote em breve.", Some("reply/expectations")),
        ("Le invieremo il pacco al più presto.", Some("reply/expectations")),
        ("Мы скоро отправим посылку.", Some("reply/expectations")),
        ("Nous vous enverrons le colis demain.", None),
        ("À bientôt !", None),
        ("Мы отправим посылку завтра.", None),
        ("Vous auriez dû vérifier le guide des tailles.", Some("tone/blame")),
        ("C'est de votre faute, le colis était bien emballé.", Some("tone/blame")),
        ("Usted debió revisar la tabla de tallas.", Some("tone/blame")),
        ("Sie hätten die Größentabelle lesen sollen.", Some("tone/blame")),
        // Lecturing the buyer ("next time, check...") and guessing their mistake.
        ("Next time, please check the size chart before ordering.", Some("tone/blame")),
        ("Next time we will pack the lamp in a stronger box.", None),
        ("Da próxima vez, confirme bem os dados antes de finalizar a compra.", Some("tone/blame")),
        ("Da próxima vez vamos embalar melhor.", None),
        ("La próxima vez, revise la descripción antes de comprar.", Some("tone/blame")),
        ("Si la hubieras leído con atención, no te habrías llevado el susto.", Some("tone/blame")),
        ("La prochaine fois, vérifiez le guide des tailles.", Some("tone/blame")),
        ("La prochaine fois, nous vérifierons l'emballage deux fois.", None),
        ("Vermutlich wurde beim Bestellen versehentlich die falsche Farbe angeklickt.", Some("tone/blame")),
        ("Nächstes Mal prüfen wir die Farbe zweimal.", None),
        ("La prossima volta controlli la tabella delle taglie.", Some("tone/blame")),
        ("La prossima volta controlleremo meglio l'imballaggio.", None),
        ("Скорее всего, вы просто не сверились с таблицей размеров.", Some("tone/blame")),
        ("В следующий раз мы упакуем товар надёжнее.", None),
        ("Você deveria ter verificado a tabela de medidas.", Some("tone/blame")),
        ("È colpa sua, il pacco era integro.", Some("tone/blame")),
        ("Вы сами виноваты, надо было читать описание.", Some("tone/blame")),
        ("Nous aurions dû vérifier la taille avant l'envoi.", None),
        ("Désolés pour le désagrément.", Some("tone/non-apology")),
        ("Sentimos las molestias.", Some("tone/non-apology")),
        ("Wir entschuldigen uns für die Unannehmlichkeiten.", Some("tone/non-apology")),
        ("Pedimos desculpas pelo transtorno.", Some("tone/non-apology")),
        ("Ci scusiamo per il disagio.", Some("tone/non-apology")),
        ("Приносим извинения за доставленные неудобства.", Some("tone/non-apology")),
        ("Nous sommes désolés que votre colis soit arrivé cassé.", None),
        ("Приносим извинения за задержку посылки.", None),
        ("Désolés pour la gêne occasionnée.", Some("tone/non-apology")),
        ("Sentimos muito pelo ocorrido.", Some("tone/non-apology")),
        ("On peut mettre « cadeau » sur la déclaration, comme ça vous ne payez rien.", Some("policy/customs-misdeclaration")),
        ("Ponemos el paquete como regalo y así no paga aduana.", Some("policy/customs-misdeclaration")),
        ("Podemos devolverle el dinero directamente por PayPal.", Some("policy/off-platform-payment")),
        ("Possiamo rimborsarle 5 euro con bonifico bancario.", Some("policy/off-platform-payment")),
        ("Ci mandi il suo IBAN, per favore.", Some("policy/off-platform-payment")),
        ("Könnten Sie bitte schon jetzt den Erhalt der Bestellung bestätigen?", Some("policy/early-confirmation")),
        ("Nel frattempo, può confermare la ricezione dell'ordine?", Some("policy/early-confirmation")),
        ("Vielleicht haben Sie beim Bestellen die falsche Größe ausgewählt.", Some("tone/blame")),
        ("Il fallait vérifier votre boîte aux lettres.", Some("tone/blame")),
        ("Es un problema de su banco, no nuestro.", Some("tone/blame")),
        ("Вы указали неполный адрес, поэтому посылка вернулась.", Some("tone/blame")),
        ("Responderemos assim que possível.", Some("reply/expectations")),
        ("Ответим, как только сможем.", Some("reply/expectations")),
        ("Nous traiterons votre demande au plus vite.", Some("reply/expectations")),
        ("We will send the money soon.", Some("reply/expectations")),
        ("Your new phone case will ship soon.", Some("reply/expectations")),
        ("Assim que recebermos as fotos, responderemos.", None),
        ("Как только посылка придёт, напишите нам.", None),
        ("Nous ne mettons jamais « cadeau » sur la déclaration.", None),
        ("Bestätigen Sie bitte schon jetzt den Erhalt der Ware.", Some("policy/early-confirmation")),
        ("Подтвердите, пожалуйста, получение прямо сейчас.", Some("policy/early-confirmation")),
        ("Sur la déclaration, nous indiquons toujours « cadeau ».", Some("policy/customs-misdeclaration")),
        ("Nella dichiarazione scriviamo sempre \"gift\".", Some("policy/customs-misdeclaration")),
        ("Si lo prefiere, le hacemos el reembolso hoy mismo por PayPal.", Some("policy/off-platform-payment")),
        ("Mande sua chave Pix aqui.", Some("policy/off-platform-payment")),
        ("Напишите номер карты, и мы переведём деньги.", Some("policy/off-platform-payment")),
        ("Retire a avaliação de 1 estrela, por favor.", Some("policy/review-manipulation")),
        ("Si lo hubiera recogido a tiempo, no habría problema.", Some("tone/blame")),
        ("Ha selezionato la taglia sbagliata al momento dell'ordine.", Some("tone/blame")),
        ("Мы тут ни при чём.", Some("tone/blame")),
        ("Pedimos desculpa pelo incómodo.", Some("tone/non-apology")),
        ("Pour régler cela rapidement, pourriez-vous nous envoyer deux photos ?", None),
        ("Wir deklarieren die Sendung als Geschenk, dann fallen keine Abgaben an.", Some("policy/customs-misdeclaration")),
        ("Possiamo dichiarare il pacco come \"regalo\" con un valore basso.", Some("policy/customs-misdeclaration")),
        ("Wir überweisen Ihnen den Betrag dann in den nächsten zwei Tagen per PayPal zurück.", Some("policy/off-platform-payment")),
        ("Si retiras la valoración negativa, te damos un cupón.", Some("policy/review-manipulation")),
        ("Toutes nos excuses pour le désagrément.", Some("tone/non-apology")),
    ];
    let mut failures = Vec::new();
    for (sentence, rule) in cases {
        let found = rules_on(&registry, sentence);
        let ok = match rule {
            Some(rule) => found.iter().any(|r| r == rule),
            None => found.is_empty(),
        };
        if !ok {
            failures.push(format!("{sentence}: expected {rule:?}, found {found:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
