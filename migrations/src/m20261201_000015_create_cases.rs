//! The case core: whatever is addressed to a body and must be answered (a registered petition
//! today; a deputy's inquiry, a council's recommendation and a proposal to a council next) is a
//! case with a number per body and year, one clock, clarification pauses, an answer, follow-ups,
//! implementation updates and public ratings. One timeline table keyed by the subject (its kind
//! and id) replaces the petitions' own; the registered petitions, their answer events and their
//! ratings move onto cases.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Cases {
    Table,
    Id,
    Kind,
    OriginId,
    BodyId,
    ForwardedFromId,
    Year,
    Seq,
    RegisteredOn,
    RegisteredAt,
    State,
    DueOn,
    VeryDueOn,
    Decision,
    AnswerText,
    AnsweredAt,
    AnsweredOn,
    AnsweredById,
    AnswerDays,
    OverdueAt,
    VeryOverdueAt,
    ClosedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum CaseNumbers {
    Table,
    BodyId,
    Year,
    Last,
}

#[derive(DeriveIden)]
enum CasePauses {
    Table,
    Id,
    CaseId,
    AskedAt,
    AskedOn,
    AskedById,
    Question,
    AnsweredAt,
    AnsweredOn,
    AnsweredById,
    Reply,
}

#[derive(DeriveIden)]
enum CaseUpdates {
    Table,
    Id,
    CaseId,
    Kind,
    Progress,
    OnDate,
    Text,
    At,
    AuthorId,
}

#[derive(DeriveIden)]
enum CaseRatings {
    Table,
    Id,
    CaseId,
    UserId,
    Rating,
    RatedAt,
}

#[derive(DeriveIden)]
enum CaseMailings {
    Table,
    Id,
    CaseId,
    News,
    AfterUserId,
    CreatedAt,
    DoneAt,
}

#[derive(DeriveIden)]
enum TimelineEvents {
    Table,
    Id,
    SubjectKind,
    SubjectId,
    At,
    Kind,
    ActorRole,
    ActorId,
    ReasonId,
    BodyId,
    Note,
}

#[derive(DeriveIden)]
enum PetitionEvents {
    Table,
    Id,
    PetitionId,
    At,
    Kind,
    ActorRole,
    ActorId,
    ReasonId,
    Note,
}

#[derive(DeriveIden)]
enum AnswerRatings {
    Table,
    Id,
    PetitionId,
    UserId,
    Rating,
    RatedAt,
}

#[derive(DeriveIden)]
enum Bodies {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum RejectionReasons {
    Table,
    Id,
}

/// What a case may be.
const KINDS: [&str; 4] = ["petition", "inquiry", "recommendation", "proposal"];

/// Where a case may stand.
const STATES: [&str; 6] = [
    "awaiting_answer",
    "answered",
    "answered_late",
    "forwarded",
    "withdrawn",
    "closed",
];

/// Whose timeline an event is on.
const SUBJECTS: [&str; 5] = ["petition", "case", "inquiry", "recommendation", "proposal"];

const EVENTS: [&str; 29] = [
    "submitted",
    "returned",
    "approved",
    "rejected",
    "moderation_overdue",
    "support_reached",
    "lapsed",
    "threshold_reached",
    "registered",
    "threshold_lost",
    "answer_overdue",
    "answer_very_overdue",
    "answered",
    "expired",
    "withdrawn",
    "signatures_invalidated",
    "claimed",
    "clarification_asked",
    "clarification_given",
    "forwarded",
    "received_by_forwarding",
    "follow_up",
    "implementation_update",
    "closed",
    "put_on_agenda",
    "merged",
    "hidden",
    "decided",
    "recommended",
];

const ROLES: [&str; 8] = [
    "author",
    "moderator",
    "official",
    "admin",
    "system",
    "deputy",
    "council_secretary",
    "citizen",
];

fn fk<T: IntoIden + 'static, C: IntoIden + 'static, R: IntoIden + 'static>(
    name: &str,
    table: T,
    col: C,
    to: R,
    to_col: impl IntoIden + 'static,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(table, col)
        .to(to, to_col)
        .on_delete(ForeignKeyAction::Restrict)
        .on_update(ForeignKeyAction::Restrict)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    #[allow(clippy::too_many_lines)]
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Cases::Table)
                    .if_not_exists()
                    .col(pk_auto(Cases::Id))
                    .col(string_len(Cases::Kind, 16).check(Expr::col(Cases::Kind).is_in(KINDS)))
                    .col(integer(Cases::OriginId))
                    .col(integer(Cases::BodyId))
                    .col(integer_null(Cases::ForwardedFromId))
                    .col(integer(Cases::Year))
                    .col(integer(Cases::Seq).check(Expr::col(Cases::Seq).gt(0)))
                    .col(date(Cases::RegisteredOn))
                    .col(timestamp_with_time_zone(Cases::RegisteredAt))
                    .col(string_len(Cases::State, 16).check(Expr::col(Cases::State).is_in(STATES)))
                    .col(date(Cases::DueOn))
                    .col(date(Cases::VeryDueOn))
                    .col(string_len_null(Cases::Decision, 16).check(Expr::cust(
                        "decision IS NULL OR decision IN ('accepted', 'partly_accepted', 'declined', 'not_competent')",
                    )))
                    .col(text_null(Cases::AnswerText))
                    .col(timestamp_with_time_zone_null(Cases::AnsweredAt))
                    .col(date_null(Cases::AnsweredOn))
                    .col(integer_null(Cases::AnsweredById))
                    .col(integer_null(Cases::AnswerDays))
                    .col(timestamp_with_time_zone_null(Cases::OverdueAt))
                    .col(timestamp_with_time_zone_null(Cases::VeryOverdueAt))
                    .col(timestamp_with_time_zone_null(Cases::ClosedAt))
                    .col(timestamp_with_time_zone(Cases::UpdatedAt))
                    .check(Expr::cust(
                        "(state IN ('answered', 'answered_late', 'closed')) OR (decision IS NULL AND answer_text IS NULL AND answered_at IS NULL)",
                    ))
                    .check(Expr::cust(
                        "(state NOT IN ('answered', 'answered_late')) OR (decision IS NOT NULL AND answer_text IS NOT NULL AND answered_at IS NOT NULL AND answered_on IS NOT NULL)",
                    ))
                    .check(Expr::cust(
                        "(state IN ('forwarded', 'withdrawn', 'closed')) = (closed_at IS NOT NULL)",
                    ))
                    .check(Expr::cust("due_on >= registered_on AND very_due_on >= due_on"))
                    .foreign_key(&mut fk("fk_cases_body", Cases::Table, Cases::BodyId, Bodies::Table, Bodies::Id))
                    .foreign_key(&mut fk("fk_cases_forwarded_from", Cases::Table, Cases::ForwardedFromId, Cases::Table, Cases::Id))
                    .foreign_key(&mut fk("fk_cases_answered_by", Cases::Table, Cases::AnsweredById, Users::Table, Users::Id))
                    .index(
                        Index::create()
                            .name("uq_cases_body_year_seq")
                            .col(Cases::BodyId)
                            .col(Cases::Year)
                            .col(Cases::Seq)
                            .unique(),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(CaseNumbers::Table)
                    .if_not_exists()
                    .col(integer(CaseNumbers::BodyId))
                    .col(integer(CaseNumbers::Year))
                    .col(integer(CaseNumbers::Last).check(Expr::col(CaseNumbers::Last).gt(0)))
                    .primary_key(
                        Index::create()
                            .col(CaseNumbers::BodyId)
                            .col(CaseNumbers::Year),
                    )
                    .foreign_key(&mut fk(
                        "fk_case_numbers_body",
                        CaseNumbers::Table,
                        CaseNumbers::BodyId,
                        Bodies::Table,
                        Bodies::Id,
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(CasePauses::Table)
                    .if_not_exists()
                    .col(pk_auto(CasePauses::Id))
                    .col(integer(CasePauses::CaseId))
                    .col(timestamp_with_time_zone(CasePauses::AskedAt))
                    .col(date(CasePauses::AskedOn))
                    .col(integer(CasePauses::AskedById))
                    .col(text(CasePauses::Question))
                    .col(timestamp_with_time_zone_null(CasePauses::AnsweredAt))
                    .col(date_null(CasePauses::AnsweredOn))
                    .col(integer_null(CasePauses::AnsweredById))
                    .col(text_null(CasePauses::Reply))
                    .check(Expr::cust(
                        "(answered_at IS NULL) = (answered_on IS NULL) AND (answered_at IS NULL) = (reply IS NULL)",
                    ))
                    .check(Expr::cust("answered_on IS NULL OR answered_on >= asked_on"))
                    .foreign_key(&mut fk("fk_case_pauses_case", CasePauses::Table, CasePauses::CaseId, Cases::Table, Cases::Id))
                    .foreign_key(&mut fk("fk_case_pauses_asked_by", CasePauses::Table, CasePauses::AskedById, Users::Table, Users::Id))
                    .foreign_key(&mut fk("fk_case_pauses_answered_by", CasePauses::Table, CasePauses::AnsweredById, Users::Table, Users::Id))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(CaseUpdates::Table)
                    .if_not_exists()
                    .col(pk_auto(CaseUpdates::Id))
                    .col(integer(CaseUpdates::CaseId))
                    .col(string_len(CaseUpdates::Kind, 16).check(
                        Expr::col(CaseUpdates::Kind).is_in(["follow_up", "implementation"]),
                    ))
                    .col(string_len_null(CaseUpdates::Progress, 16))
                    .col(date_null(CaseUpdates::OnDate))
                    .col(text(CaseUpdates::Text))
                    .col(timestamp_with_time_zone(CaseUpdates::At))
                    .col(integer(CaseUpdates::AuthorId))
                    .check(Expr::cust(
                        "(kind = 'implementation') = (progress IS NOT NULL AND on_date IS NOT NULL)",
                    ))
                    .check(Expr::cust(
                        "progress IS NULL OR progress IN ('planned', 'in_progress', 'done', 'not_done')",
                    ))
                    .foreign_key(&mut fk("fk_case_updates_case", CaseUpdates::Table, CaseUpdates::CaseId, Cases::Table, Cases::Id))
                    .foreign_key(&mut fk("fk_case_updates_author", CaseUpdates::Table, CaseUpdates::AuthorId, Users::Table, Users::Id))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(CaseRatings::Table)
                    .if_not_exists()
                    .col(pk_auto(CaseRatings::Id))
                    .col(integer(CaseRatings::CaseId))
                    .col(integer(CaseRatings::UserId))
                    .col(
                        small_integer(CaseRatings::Rating)
                            .check(Expr::col(CaseRatings::Rating).between(1, 5)),
                    )
                    .col(timestamp_with_time_zone(CaseRatings::RatedAt))
                    .foreign_key(&mut fk(
                        "fk_case_ratings_case",
                        CaseRatings::Table,
                        CaseRatings::CaseId,
                        Cases::Table,
                        Cases::Id,
                    ))
                    .foreign_key(&mut fk(
                        "fk_case_ratings_user",
                        CaseRatings::Table,
                        CaseRatings::UserId,
                        Users::Table,
                        Users::Id,
                    ))
                    .index(
                        Index::create()
                            .name("uq_case_ratings_case_user")
                            .col(CaseRatings::CaseId)
                            .col(CaseRatings::UserId)
                            .unique(),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(TimelineEvents::Table)
                    .if_not_exists()
                    .col(big_pk_auto(TimelineEvents::Id))
                    .col(
                        string_len(TimelineEvents::SubjectKind, 16)
                            .check(Expr::col(TimelineEvents::SubjectKind).is_in(SUBJECTS)),
                    )
                    .col(integer(TimelineEvents::SubjectId))
                    .col(timestamp_with_time_zone(TimelineEvents::At))
                    .col(
                        string_len(TimelineEvents::Kind, 32)
                            .check(Expr::col(TimelineEvents::Kind).is_in(EVENTS)),
                    )
                    .col(
                        string_len(TimelineEvents::ActorRole, 24)
                            .check(Expr::col(TimelineEvents::ActorRole).is_in(ROLES)),
                    )
                    .col(integer_null(TimelineEvents::ActorId))
                    .col(integer_null(TimelineEvents::ReasonId))
                    .col(integer_null(TimelineEvents::BodyId))
                    .col(text_null(TimelineEvents::Note))
                    .foreign_key(&mut fk(
                        "fk_timeline_events_actor",
                        TimelineEvents::Table,
                        TimelineEvents::ActorId,
                        Users::Table,
                        Users::Id,
                    ))
                    .foreign_key(&mut fk(
                        "fk_timeline_events_reason",
                        TimelineEvents::Table,
                        TimelineEvents::ReasonId,
                        RejectionReasons::Table,
                        RejectionReasons::Id,
                    ))
                    .foreign_key(&mut fk(
                        "fk_timeline_events_body",
                        TimelineEvents::Table,
                        TimelineEvents::BodyId,
                        Bodies::Table,
                        Bodies::Id,
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(CaseMailings::Table)
                    .if_not_exists()
                    .col(pk_auto(CaseMailings::Id))
                    .col(integer(CaseMailings::CaseId))
                    .col(string_len(CaseMailings::News, 16).check(
                        Expr::col(CaseMailings::News).is_in([
                            "answered",
                            "updated",
                            "clarification",
                        ]),
                    ))
                    .col(integer(CaseMailings::AfterUserId).default(0))
                    .col(timestamp_with_time_zone(CaseMailings::CreatedAt))
                    .col(timestamp_with_time_zone_null(CaseMailings::DoneAt))
                    .foreign_key(&mut fk(
                        "fk_case_mailings_case",
                        CaseMailings::Table,
                        CaseMailings::CaseId,
                        Cases::Table,
                        Cases::Id,
                    ))
                    .to_owned(),
            )
            .await?;

        let db = manager.get_connection();
        for sql in [
            "CREATE INDEX idx_case_mailings_pending ON case_mailings (id) WHERE done_at IS NULL",
            // One live case per origin: a forwarded or withdrawn one is history.
            "CREATE UNIQUE INDEX uq_cases_live_origin ON cases (kind, origin_id) WHERE state NOT IN ('forwarded', 'withdrawn')",
            // At most one open clarification request per case.
            "CREATE UNIQUE INDEX uq_case_pauses_open ON case_pauses (case_id) WHERE answered_at IS NULL",
            "CREATE INDEX idx_cases_body_state ON cases (body_id, state, due_on)",
            "CREATE INDEX idx_cases_origin ON cases (kind, origin_id)",
            "CREATE INDEX idx_cases_state_due ON cases (state, due_on)",
            "CREATE INDEX idx_case_updates_case ON case_updates (case_id, id)",
            "CREATE INDEX idx_case_pauses_case ON case_pauses (case_id, id)",
            "CREATE INDEX idx_timeline_events_subject ON timeline_events (subject_kind, subject_id, id)",
        ] {
            db.execute_unprepared(sql).await?;
        }

        // Registered petitions become petition cases, numbered per body and year in the order
        // they were registered. Their due days are the registration day until the deadline
        // sweep computes them from the calendar (it keeps every waiting case's due days
        // current, also after the admin edits holidays or terms).
        let year = match manager.get_database_backend() {
            sea_orm::DatabaseBackend::Postgres => {
                "CAST(EXTRACT(YEAR FROM registered_on) AS INTEGER)"
            }
            _ => "CAST(strftime('%Y', registered_on) AS INTEGER)",
        };
        db.execute_unprepared(&format!(
            "INSERT INTO cases (kind, origin_id, body_id, year, seq, registered_on, registered_at, state, due_on, very_due_on, \
             decision, answer_text, answered_at, answered_on, answered_by_id, overdue_at, very_overdue_at, updated_at) \
             SELECT 'petition', id, body_id, {year}, \
             ROW_NUMBER() OVER (PARTITION BY body_id, {year} ORDER BY registered_on, id), \
             registered_on, threshold_reached_at, \
             CASE WHEN status = 'answered' THEN 'answered' ELSE 'awaiting_answer' END, \
             registered_on, registered_on, answer_decision, answer_text, answered_at, \
             CASE WHEN answered_at IS NULL THEN NULL ELSE registered_on END, answered_by_id, \
             answer_overdue_at, answer_very_overdue_at, updated_at \
             FROM petitions WHERE status IN ('under_consideration', 'answered') AND registered_on IS NOT NULL"
        ))
        .await?;
        db.execute_unprepared(
            "INSERT INTO case_numbers (body_id, year, last) SELECT body_id, year, MAX(seq) FROM cases GROUP BY body_id, year",
        )
        .await?;
        db.execute_unprepared(
            "INSERT INTO case_ratings (case_id, user_id, rating, rated_at) \
             SELECT c.id, r.user_id, r.rating, r.rated_at FROM answer_ratings r \
             JOIN cases c ON c.kind = 'petition' AND c.origin_id = r.petition_id",
        )
        .await?;
        // Answer mail a crash left half-queued goes on from where it stopped.
        db.execute_unprepared(
            "INSERT INTO case_mailings (case_id, news, after_user_id, created_at) \
             SELECT c.id, 'answered', p.answer_mail_after, p.updated_at FROM petitions p \
             JOIN cases c ON c.kind = 'petition' AND c.origin_id = p.id WHERE p.answer_mail_after IS NOT NULL",
        )
        .await?;
        // The timeline keeps its order: events of the answer phase go to the petition's case.
        db.execute_unprepared(
            "INSERT INTO timeline_events (subject_kind, subject_id, at, kind, actor_role, actor_id, reason_id, note) \
             SELECT CASE WHEN c.id IS NULL THEN 'petition' ELSE 'case' END, COALESCE(c.id, e.petition_id), \
             e.at, e.kind, e.actor_role, e.actor_id, e.reason_id, e.note \
             FROM petition_events e LEFT JOIN cases c ON c.kind = 'petition' AND c.origin_id = e.petition_id \
             AND e.kind IN ('registered', 'answered', 'answer_overdue', 'answer_very_overdue') \
             ORDER BY e.id",
        )
        .await?;
        manager
            .drop_table(Table::drop().table(PetitionEvents::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(AnswerRatings::Table).to_owned())
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(PetitionEvents::Table)
                    .col(big_pk_auto(PetitionEvents::Id))
                    .col(integer(PetitionEvents::PetitionId))
                    .col(timestamp_with_time_zone(PetitionEvents::At))
                    .col(string_len(PetitionEvents::Kind, 32))
                    .col(string_len(PetitionEvents::ActorRole, 24))
                    .col(integer_null(PetitionEvents::ActorId))
                    .col(integer_null(PetitionEvents::ReasonId))
                    .col(text_null(PetitionEvents::Note))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AnswerRatings::Table)
                    .col(pk_auto(AnswerRatings::Id))
                    .col(integer(AnswerRatings::PetitionId))
                    .col(integer(AnswerRatings::UserId))
                    .col(small_integer(AnswerRatings::Rating))
                    .col(timestamp_with_time_zone(AnswerRatings::RatedAt))
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        for sql in [
            "INSERT INTO petition_events (petition_id, at, kind, actor_role, actor_id, reason_id, note) \
             SELECT CASE WHEN e.subject_kind = 'case' THEN c.origin_id ELSE e.subject_id END, e.at, e.kind, \
             e.actor_role, e.actor_id, e.reason_id, e.note FROM timeline_events e \
             LEFT JOIN cases c ON e.subject_kind = 'case' AND c.id = e.subject_id \
             WHERE e.subject_kind = 'petition' OR (e.subject_kind = 'case' AND c.kind = 'petition') ORDER BY e.id",
            "INSERT INTO answer_ratings (petition_id, user_id, rating, rated_at) \
             SELECT c.origin_id, r.user_id, r.rating, r.rated_at FROM case_ratings r \
             JOIN cases c ON c.id = r.case_id AND c.kind = 'petition'",
            "CREATE INDEX idx_petition_events_petition ON petition_events (petition_id, id)",
        ] {
            db.execute_unprepared(sql).await?;
        }
        for table in [
            TimelineEvents::Table.into_iden(),
            CaseMailings::Table.into_iden(),
            CaseRatings::Table.into_iden(),
            CaseUpdates::Table.into_iden(),
            CasePauses::Table.into_iden(),
            CaseNumbers::Table.into_iden(),
            Cases::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
