//! The mails the platform sends, rendered in the recipient's language from the Fluent files:
//! a subject, a plain-text body and an HTML body carrying the same words.

use fluent_templates::fluent_bundle::FluentValue;

use crate::i18n::Locale;

/// What a council did that its followers hear about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CouncilNews {
    /// A meeting's agenda is published.
    Agenda,
    /// A meeting's minutes are published.
    Minutes,
    /// The council recommended something to its body.
    Recommendation,
}

/// A mail the platform sends, with what it needs to say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MailKind {
    /// Confirm the account's email address (after registering, or on request).
    VerifyEmail {
        /// The page with the confirm button.
        link: String,
    },
    /// Set a new password.
    ResetPassword {
        /// The page with the new-password form.
        link: String,
    },
    /// Confirm a new email address (sent to the new address).
    ConfirmNewEmail {
        /// The page with the confirm button.
        link: String,
    },
    /// The account's email is about to change (sent to the old address).
    EmailChanging {
        /// The address asked for.
        new_email: String,
    },
    /// The password was changed.
    PasswordChanged,
    /// The body answered a petition the recipient wrote or signed (and asked to hear about).
    PetitionAnswered {
        /// The petition's title.
        title: String,
        /// The petition's page.
        link: String,
    },
    /// The body posted a follow-up answer or an implementation update.
    CaseUpdated {
        /// The title of what the case began as.
        title: String,
        /// The case's page.
        link: String,
    },
    /// The body asks the author for clarification.
    ClarificationAsked {
        /// The title of what the case began as.
        title: String,
        /// The case's page, where the author replies.
        link: String,
    },
    /// News of a council the recipient follows.
    CouncilNews {
        /// What happened.
        what: CouncilNews,
        /// The council's name.
        council: String,
        /// The meeting's day or the recommendation's subject.
        title: String,
        /// The page.
        link: String,
        /// The one-click unsubscribe page.
        unsubscribe: String,
    },
}

impl MailKind {
    /// A short name stored with the mail in the outbox.
    pub fn name(&self) -> &'static str {
        match self {
            MailKind::VerifyEmail { .. } => "verify_email",
            MailKind::ResetPassword { .. } => "reset_password",
            MailKind::ConfirmNewEmail { .. } => "confirm_new_email",
            MailKind::EmailChanging { .. } => "email_changing",
            MailKind::PasswordChanged => "password_changed",
            MailKind::PetitionAnswered { .. } => "petition_answered",
            MailKind::CaseUpdated { .. } => "case_updated",
            MailKind::ClarificationAsked { .. } => "clarification_asked",
            MailKind::CouncilNews { what, .. } => match what {
                CouncilNews::Agenda => "council_agenda",
                CouncilNews::Minutes => "council_minutes",
                CouncilNews::Recommendation => "council_recommendation",
            },
        }
    }

    fn key(&self) -> &'static str {
        match self {
            MailKind::VerifyEmail { .. } => "mail-verify",
            MailKind::ResetPassword { .. } => "mail-reset",
            MailKind::ConfirmNewEmail { .. } => "mail-new-email",
            MailKind::EmailChanging { .. } => "mail-email-changing",
            MailKind::PasswordChanged => "mail-password-changed",
            MailKind::PetitionAnswered { .. } => "mail-answered",
            MailKind::CaseUpdated { .. } => "mail-case-updated",
            MailKind::ClarificationAsked { .. } => "mail-clarification",
            MailKind::CouncilNews { what, .. } => match what {
                CouncilNews::Agenda => "mail-council-agenda",
                CouncilNews::Minutes => "mail-council-minutes",
                CouncilNews::Recommendation => "mail-council-recommendation",
            },
        }
    }

    fn link(&self) -> Option<&str> {
        match self {
            MailKind::VerifyEmail { link }
            | MailKind::ResetPassword { link }
            | MailKind::ConfirmNewEmail { link }
            | MailKind::PetitionAnswered { link, .. }
            | MailKind::CaseUpdated { link, .. }
            | MailKind::ClarificationAsked { link, .. }
            | MailKind::CouncilNews { link, .. } => Some(link),
            MailKind::EmailChanging { .. } | MailKind::PasswordChanged => None,
        }
    }
}

/// A mail ready to send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub text: String,
    /// HTML body.
    pub html: String,
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

/// Renders a mail to `name` in `locale`.
pub fn render(kind: &MailKind, locale: Locale, name: &str) -> Rendered {
    let key = kind.key();
    let args: Vec<(&'static str, FluentValue<'static>)> = vec![
        ("name", name.to_owned().into()),
        (
            "new_email",
            match kind {
                MailKind::EmailChanging { new_email } => new_email.clone().into(),
                _ => String::new().into(),
            },
        ),
        (
            "title",
            match kind {
                MailKind::PetitionAnswered { title, .. }
                | MailKind::CaseUpdated { title, .. }
                | MailKind::ClarificationAsked { title, .. }
                | MailKind::CouncilNews { title, .. } => title.clone().into(),
                _ => String::new().into(),
            },
        ),
        (
            "council",
            match kind {
                MailKind::CouncilNews { council, .. } => council.clone().into(),
                _ => String::new().into(),
            },
        ),
    ];
    let subject = locale.t(&format!("{key}-subject"));
    let greeting = locale.t_with("mail-greeting", &args);
    let body = locale.t_with(&format!("{key}-body"), &args);
    let closing = locale.t(match kind {
        MailKind::PetitionAnswered { .. } => "mail-answered-why",
        MailKind::CaseUpdated { .. } => "mail-case-updated-why",
        MailKind::ClarificationAsked { .. } => "mail-clarification-why",
        MailKind::CouncilNews { .. } => "mail-council-why",
        _ if kind.link().is_some() => "mail-ignore",
        _ => "mail-not-you",
    });
    let signature = locale.t("mail-signature");

    let mut text = format!("{greeting}\n\n{body}\n\n");
    let mut html = format!(
        "<!doctype html><html lang=\"{lang}\"><body style=\"font-family:sans-serif;line-height:1.5;color:#1a1a1a\">\
         <p>{greeting}</p><p>{body}</p>",
        lang = locale.code(),
        greeting = escape(&greeting),
        body = escape(&body),
    );
    if let Some(link) = kind.link() {
        let action = locale.t(&format!("{key}-action"));
        let expiry = match kind {
            MailKind::PetitionAnswered { .. }
            | MailKind::CaseUpdated { .. }
            | MailKind::ClarificationAsked { .. }
            | MailKind::CouncilNews { .. } => String::new(),
            _ => locale.t(&format!("{key}-expiry")),
        };
        text.push_str(&format!("{action}:\n{link}\n\n{expiry}\n\n"));
        html.push_str(&format!(
            "<p><a href=\"{link}\" style=\"display:inline-block;padding:10px 16px;background:#0b5394;color:#fff;text-decoration:none;border-radius:4px\">{action}</a></p>\
             <p>{expiry}</p><p style=\"font-size:90%\">{link_text}</p>",
            link = escape(link),
            action = escape(&action),
            expiry = escape(&expiry),
            link_text = escape(link),
        ));
    }
    text.push_str(&format!("{closing}\n\n"));
    html.push_str(&format!("<p>{}</p>", escape(&closing)));
    if let MailKind::CouncilNews { unsubscribe, .. } = kind {
        let label = locale.t("mail-unsubscribe");
        text.push_str(&format!("{label}:\n{unsubscribe}\n\n"));
        html.push_str(&format!(
            "<p style=\"font-size:90%\"><a href=\"{link}\">{label}</a></p>",
            link = escape(unsubscribe),
            label = escape(&label),
        ));
    }
    text.push_str(&format!("{signature}\n"));
    html.push_str(&format!("<p>{}</p></body></html>", escape(&signature)));
    Rendered {
        subject,
        text,
        html,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mail_renders_in_every_language_with_its_link_and_no_missing_keys() {
        let kinds = [
            MailKind::VerifyEmail {
                link: "https://dauys.kz/kk/email/confirm/abc".into(),
            },
            MailKind::ResetPassword {
                link: "https://dauys.kz/kk/password/reset/abc".into(),
            },
            MailKind::ConfirmNewEmail {
                link: "https://dauys.kz/kk/email/change/abc".into(),
            },
            MailKind::EmailChanging {
                new_email: "new@example.kz".into(),
            },
            MailKind::PasswordChanged,
            MailKind::PetitionAnswered {
                title: "Fix the road".into(),
                link: "https://dauys.kz/kk/petitions/1".into(),
            },
            MailKind::CouncilNews {
                what: CouncilNews::Agenda,
                council: "Public Council".into(),
                title: "01.12.2026".into(),
                link: "https://dauys.kz/kk/meetings/1".into(),
                unsubscribe: "https://dauys.kz/kk/unfollow/abc".into(),
            },
            MailKind::CouncilNews {
                what: CouncilNews::Minutes,
                council: "Public Council".into(),
                title: "01.12.2026".into(),
                link: "https://dauys.kz/kk/meetings/1".into(),
                unsubscribe: "https://dauys.kz/kk/unfollow/abc".into(),
            },
            MailKind::CouncilNews {
                what: CouncilNews::Recommendation,
                council: "Public Council".into(),
                title: "Sports grounds".into(),
                link: "https://dauys.kz/kk/recommendations/1".into(),
                unsubscribe: "https://dauys.kz/kk/unfollow/abc".into(),
            },
        ];
        for locale in Locale::ALL {
            for kind in &kinds {
                let mail = render(kind, locale, "Aigerim <b>");
                assert!(!mail.subject.is_empty() && !mail.subject.contains("mail-"));
                assert!(!mail.text.contains("mail-"), "{}", mail.text);
                assert!(mail.text.contains("Aigerim <b>"));
                assert!(
                    mail.html.contains("Aigerim &lt;b&gt;"),
                    "name escaped in HTML"
                );
                if let Some(link) = kind.link() {
                    assert!(mail.text.contains(link));
                    assert!(mail.html.contains(&format!("href=\"{link}\"")));
                }
                if let MailKind::EmailChanging { new_email } = kind {
                    assert!(mail.text.contains(new_email));
                }
            }
        }
        let kk = render(&kinds[0], Locale::Kk, "A");
        let ru = render(&kinds[0], Locale::Ru, "A");
        assert_ne!(kk.subject, ru.subject, "each language has its own words");
    }
}
