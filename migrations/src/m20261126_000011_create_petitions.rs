//! Petitions and everything that hangs off them: the admin-editable rejection reasons, the
//! petition with the timestamps of its lifecycle, its public timeline, signatures (one per
//! person per petition, and one per IIN fingerprint, in unique keys), the folded counts per grade
//! and per region, answer ratings, bulk invalidations, and the locks that keep background work
//! single across several server processes.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261124_000001_create_territories::Territories;
use crate::m20261124_000002_create_bodies::Bodies;
use crate::m20261124_000004_create_users::Users;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum RejectionReasons {
    Table,
    Id,
    Code,
    NameKk,
    NameRu,
    NameEn,
    HidesText,
    Active,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Petitions {
    Table,
    Id,
    AuthorId,
    BodyId,
    TerritoryId,
    Topic,
    Title,
    Summary,
    Text,
    Status,
    Hidden,
    CreatedAt,
    UpdatedAt,
    ProhibitedConfirmedAt,
    SubmittedAt,
    ModerationStartedOn,
    ClaimedById,
    ClaimExpiresAt,
    ModerationOverdueAt,
    ReturnNote,
    ApprovedAt,
    SupportStartedOn,
    OpenedAt,
    CollectionStartedOn,
    Threshold,
    RequiredGrade,
    ThresholdReachedAt,
    RegistrationNumber,
    RegisteredOn,
    AnswerOverdueAt,
    AnswerVeryOverdueAt,
    AnsweredAt,
    AnswerDecision,
    AnswerText,
    AnsweredById,
    ClosedAt,
    ClosedReason,
    RejectedAt,
    RejectionReasonId,
    RejectionNote,
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
enum Signatures {
    Table,
    Id,
    PetitionId,
    UserId,
    IinHash,
    Grade,
    RegionId,
    PublicName,
    ShowName,
    NotifyAnswer,
    Ip,
    EmailDomain,
    CreatedAt,
    WithdrawnAt,
    InvalidatedAt,
    InvalidationId,
    Counted,
    Dirty,
}

#[derive(DeriveIden)]
enum PetitionCounts {
    Table,
    PetitionId,
    Grade,
    Count,
}

#[derive(DeriveIden)]
enum PetitionRegionCounts {
    Table,
    PetitionId,
    RegionId,
    Count,
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
enum Invalidations {
    Table,
    Id,
    CreatedById,
    CreatedAt,
    PetitionId,
    Ip,
    EmailDomain,
    FromAt,
    ToAt,
    Reason,
    Signatures,
}

#[derive(DeriveIden)]
enum WorkerLocks {
    Table,
    Name,
    RunAt,
}

const STATUSES: [&str; 8] = [
    "draft",
    "moderation",
    "gathering",
    "open",
    "under_consideration",
    "answered",
    "closed",
    "rejected",
];

const TOPICS: [&str; 12] = [
    "roads",
    "transport",
    "water",
    "utilities",
    "housing",
    "health",
    "education",
    "environment",
    "safety",
    "social",
    "economy",
    "other",
];

const EVENTS: [&str; 17] = [
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
];

const GRADES: [&str; 3] = ["email_verified", "iin_checked", "digital_signature"];

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
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    #[allow(clippy::too_many_lines)]
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(RejectionReasons::Table)
                    .if_not_exists()
                    .col(pk_auto(RejectionReasons::Id))
                    .col(string_len_uniq(RejectionReasons::Code, 64))
                    .col(string_len(RejectionReasons::NameKk, 300))
                    .col(string_len(RejectionReasons::NameRu, 300))
                    .col(string_len(RejectionReasons::NameEn, 300))
                    .col(boolean(RejectionReasons::HidesText).default(false))
                    .col(boolean(RejectionReasons::Active).default(true))
                    .col(timestamp_with_time_zone(RejectionReasons::CreatedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Petitions::Table)
                    .if_not_exists()
                    .col(pk_auto(Petitions::Id))
                    .col(integer(Petitions::AuthorId))
                    .col(integer(Petitions::BodyId))
                    .col(integer(Petitions::TerritoryId))
                    .col(string_len(Petitions::Topic, 24).check(Expr::col(Petitions::Topic).is_in(TOPICS)))
                    .col(string_len(Petitions::Title, 480))
                    .col(text(Petitions::Summary))
                    .col(text(Petitions::Text))
                    .col(
                        string_len(Petitions::Status, 24)
                            .check(Expr::col(Petitions::Status).is_in(STATUSES)),
                    )
                    .col(boolean(Petitions::Hidden).default(false))
                    .col(timestamp_with_time_zone(Petitions::CreatedAt))
                    .col(timestamp_with_time_zone(Petitions::UpdatedAt))
                    .col(timestamp_with_time_zone_null(Petitions::ProhibitedConfirmedAt))
                    .col(timestamp_with_time_zone_null(Petitions::SubmittedAt))
                    .col(date_null(Petitions::ModerationStartedOn))
                    .col(integer_null(Petitions::ClaimedById))
                    .col(timestamp_with_time_zone_null(Petitions::ClaimExpiresAt))
                    .col(timestamp_with_time_zone_null(Petitions::ModerationOverdueAt))
                    .col(text_null(Petitions::ReturnNote))
                    .col(timestamp_with_time_zone_null(Petitions::ApprovedAt))
                    .col(date_null(Petitions::SupportStartedOn))
                    .col(timestamp_with_time_zone_null(Petitions::OpenedAt))
                    .col(date_null(Petitions::CollectionStartedOn))
                    .col(big_integer_null(Petitions::Threshold))
                    .col(string_len_null(Petitions::RequiredGrade, 24))
                    .col(timestamp_with_time_zone_null(Petitions::ThresholdReachedAt))
                    .col(string_len_null(Petitions::RegistrationNumber, 32).unique_key())
                    .col(date_null(Petitions::RegisteredOn))
                    .col(timestamp_with_time_zone_null(Petitions::AnswerOverdueAt))
                    .col(timestamp_with_time_zone_null(Petitions::AnswerVeryOverdueAt))
                    .col(timestamp_with_time_zone_null(Petitions::AnsweredAt))
                    .col(string_len_null(Petitions::AnswerDecision, 24))
                    .col(text_null(Petitions::AnswerText))
                    .col(integer_null(Petitions::AnsweredById))
                    .col(timestamp_with_time_zone_null(Petitions::ClosedAt))
                    .col(string_len_null(Petitions::ClosedReason, 24))
                    .col(timestamp_with_time_zone_null(Petitions::RejectedAt))
                    .col(integer_null(Petitions::RejectionReasonId))
                    .col(text_null(Petitions::RejectionNote))
                    .check(Expr::cust(
                        "answer_decision IS NULL OR answer_decision IN ('accepted', 'partly_accepted', 'declined')",
                    ))
                    .check(Expr::cust(
                        "closed_reason IS NULL OR closed_reason IN ('lapsed', 'expired', 'withdrawn')",
                    ))
                    .check(Expr::cust(
                        "required_grade IS NULL OR required_grade IN ('email_verified', 'iin_checked', 'digital_signature')",
                    ))
                    // Each state carries the timestamps that got it there.
                    .check(Expr::cust(
                        "status IN ('draft', 'moderation', 'rejected') OR (approved_at IS NOT NULL AND threshold IS NOT NULL AND required_grade IS NOT NULL)",
                    ))
                    .check(Expr::cust(
                        "status NOT IN ('under_consideration', 'answered') OR (threshold_reached_at IS NOT NULL AND registration_number IS NOT NULL)",
                    ))
                    .check(Expr::cust(
                        "(status = 'answered') = (answered_at IS NOT NULL AND answer_decision IS NOT NULL AND answer_text IS NOT NULL)",
                    ))
                    .check(Expr::cust("(status = 'closed') = (closed_at IS NOT NULL)"))
                    .check(Expr::cust("(status = 'rejected') = (rejected_at IS NOT NULL)"))
                    .foreign_key(&mut fk("fk_petitions_author", Petitions::Table, Petitions::AuthorId, Users::Table, Users::Id))
                    .foreign_key(&mut fk("fk_petitions_body", Petitions::Table, Petitions::BodyId, Bodies::Table, Bodies::Id))
                    .foreign_key(&mut fk("fk_petitions_territory", Petitions::Table, Petitions::TerritoryId, Territories::Table, Territories::Id))
                    .foreign_key(&mut fk("fk_petitions_claimed_by", Petitions::Table, Petitions::ClaimedById, Users::Table, Users::Id))
                    .foreign_key(&mut fk("fk_petitions_answered_by", Petitions::Table, Petitions::AnsweredById, Users::Table, Users::Id))
                    .foreign_key(&mut fk("fk_petitions_rejection_reason", Petitions::Table, Petitions::RejectionReasonId, RejectionReasons::Table, RejectionReasons::Id))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(PetitionEvents::Table)
                    .if_not_exists()
                    .col(big_pk_auto(PetitionEvents::Id))
                    .col(integer(PetitionEvents::PetitionId))
                    .col(timestamp_with_time_zone(PetitionEvents::At))
                    .col(
                        string_len(PetitionEvents::Kind, 32)
                            .check(Expr::col(PetitionEvents::Kind).is_in(EVENTS)),
                    )
                    .col(string_len(PetitionEvents::ActorRole, 24).check(
                        Expr::col(PetitionEvents::ActorRole).is_in([
                            "author",
                            "moderator",
                            "official",
                            "admin",
                            "system",
                        ]),
                    ))
                    .col(integer_null(PetitionEvents::ActorId))
                    .col(integer_null(PetitionEvents::ReasonId))
                    .col(text_null(PetitionEvents::Note))
                    .foreign_key(&mut fk(
                        "fk_petition_events_petition",
                        PetitionEvents::Table,
                        PetitionEvents::PetitionId,
                        Petitions::Table,
                        Petitions::Id,
                    ))
                    .foreign_key(&mut fk(
                        "fk_petition_events_actor",
                        PetitionEvents::Table,
                        PetitionEvents::ActorId,
                        Users::Table,
                        Users::Id,
                    ))
                    .foreign_key(&mut fk(
                        "fk_petition_events_reason",
                        PetitionEvents::Table,
                        PetitionEvents::ReasonId,
                        RejectionReasons::Table,
                        RejectionReasons::Id,
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Invalidations::Table)
                    .if_not_exists()
                    .col(pk_auto(Invalidations::Id))
                    .col(integer(Invalidations::CreatedById))
                    .col(timestamp_with_time_zone(Invalidations::CreatedAt))
                    .col(integer(Invalidations::PetitionId))
                    .col(string_len_null(Invalidations::Ip, 64))
                    .col(string_len_null(Invalidations::EmailDomain, 254))
                    .col(timestamp_with_time_zone_null(Invalidations::FromAt))
                    .col(timestamp_with_time_zone_null(Invalidations::ToAt))
                    .col(text(Invalidations::Reason))
                    .col(big_integer(Invalidations::Signatures).default(0))
                    .foreign_key(&mut fk(
                        "fk_invalidations_by",
                        Invalidations::Table,
                        Invalidations::CreatedById,
                        Users::Table,
                        Users::Id,
                    ))
                    .foreign_key(&mut fk(
                        "fk_invalidations_petition",
                        Invalidations::Table,
                        Invalidations::PetitionId,
                        Petitions::Table,
                        Petitions::Id,
                    ))
                    .to_owned(),
            )
            .await?;

        // A signature row is also its own entry in the folding queue: `counted` is what the
        // counters hold for it (0 or 1) and `dirty` marks a row whose state the counters have
        // not caught up with yet.
        manager
            .create_table(
                Table::create()
                    .table(Signatures::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Signatures::Id))
                    .col(integer(Signatures::PetitionId))
                    .col(integer(Signatures::UserId))
                    .col(string_len_null(Signatures::IinHash, 64))
                    .col(
                        string_len(Signatures::Grade, 24)
                            .check(Expr::col(Signatures::Grade).is_in(GRADES)),
                    )
                    .col(integer(Signatures::RegionId))
                    .col(string_len(Signatures::PublicName, 120))
                    .col(boolean(Signatures::ShowName).default(true))
                    .col(boolean(Signatures::NotifyAnswer).default(false))
                    .col(string_len(Signatures::Ip, 64))
                    .col(string_len(Signatures::EmailDomain, 254))
                    .col(timestamp_with_time_zone(Signatures::CreatedAt))
                    .col(timestamp_with_time_zone_null(Signatures::WithdrawnAt))
                    .col(timestamp_with_time_zone_null(Signatures::InvalidatedAt))
                    .col(integer_null(Signatures::InvalidationId))
                    .col(
                        small_integer(Signatures::Counted)
                            .default(0)
                            .check(Expr::col(Signatures::Counted).is_in([0, 1])),
                    )
                    .col(boolean(Signatures::Dirty).default(true))
                    .foreign_key(&mut fk(
                        "fk_signatures_petition",
                        Signatures::Table,
                        Signatures::PetitionId,
                        Petitions::Table,
                        Petitions::Id,
                    ))
                    .foreign_key(&mut fk(
                        "fk_signatures_user",
                        Signatures::Table,
                        Signatures::UserId,
                        Users::Table,
                        Users::Id,
                    ))
                    .foreign_key(&mut fk(
                        "fk_signatures_region",
                        Signatures::Table,
                        Signatures::RegionId,
                        Territories::Table,
                        Territories::Id,
                    ))
                    .foreign_key(&mut fk(
                        "fk_signatures_invalidation",
                        Signatures::Table,
                        Signatures::InvalidationId,
                        Invalidations::Table,
                        Invalidations::Id,
                    ))
                    .index(
                        Index::create()
                            .name("uq_signatures_petition_user")
                            .col(Signatures::PetitionId)
                            .col(Signatures::UserId)
                            .unique(),
                    )
                    .index(
                        Index::create()
                            .name("uq_signatures_petition_iin")
                            .col(Signatures::PetitionId)
                            .col(Signatures::IinHash)
                            .unique(),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, columns) in [
            (
                "idx_signatures_user",
                vec![Signatures::UserId, Signatures::CreatedAt],
            ),
            (
                "idx_signatures_ip",
                vec![Signatures::Ip, Signatures::CreatedAt],
            ),
        ] {
            let mut index = Index::create();
            index.name(name).table(Signatures::Table);
            for column in columns {
                index.col(column);
            }
            manager.create_index(index.to_owned()).await?;
        }
        // The folding queue: only rows waiting to be folded are in this index.
        manager
            .get_connection()
            .execute_unprepared("CREATE INDEX idx_signatures_dirty ON signatures (id) WHERE dirty")
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(PetitionCounts::Table)
                    .if_not_exists()
                    .col(integer(PetitionCounts::PetitionId))
                    .col(
                        string_len(PetitionCounts::Grade, 24)
                            .check(Expr::col(PetitionCounts::Grade).is_in(GRADES)),
                    )
                    .col(
                        big_integer(PetitionCounts::Count)
                            .check(Expr::col(PetitionCounts::Count).gte(0)),
                    )
                    .primary_key(
                        Index::create()
                            .col(PetitionCounts::PetitionId)
                            .col(PetitionCounts::Grade),
                    )
                    .foreign_key(&mut fk(
                        "fk_petition_counts_petition",
                        PetitionCounts::Table,
                        PetitionCounts::PetitionId,
                        Petitions::Table,
                        Petitions::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PetitionRegionCounts::Table)
                    .if_not_exists()
                    .col(integer(PetitionRegionCounts::PetitionId))
                    .col(integer(PetitionRegionCounts::RegionId))
                    .col(
                        big_integer(PetitionRegionCounts::Count)
                            .check(Expr::col(PetitionRegionCounts::Count).gte(0)),
                    )
                    .primary_key(
                        Index::create()
                            .col(PetitionRegionCounts::PetitionId)
                            .col(PetitionRegionCounts::RegionId),
                    )
                    .foreign_key(&mut fk(
                        "fk_petition_region_counts_petition",
                        PetitionRegionCounts::Table,
                        PetitionRegionCounts::PetitionId,
                        Petitions::Table,
                        Petitions::Id,
                    ))
                    .foreign_key(&mut fk(
                        "fk_petition_region_counts_region",
                        PetitionRegionCounts::Table,
                        PetitionRegionCounts::RegionId,
                        Territories::Table,
                        Territories::Id,
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(AnswerRatings::Table)
                    .if_not_exists()
                    .col(pk_auto(AnswerRatings::Id))
                    .col(integer(AnswerRatings::PetitionId))
                    .col(integer(AnswerRatings::UserId))
                    .col(
                        small_integer(AnswerRatings::Rating)
                            .check(Expr::col(AnswerRatings::Rating).between(1, 5)),
                    )
                    .col(timestamp_with_time_zone(AnswerRatings::RatedAt))
                    .foreign_key(&mut fk(
                        "fk_answer_ratings_petition",
                        AnswerRatings::Table,
                        AnswerRatings::PetitionId,
                        Petitions::Table,
                        Petitions::Id,
                    ))
                    .foreign_key(&mut fk(
                        "fk_answer_ratings_user",
                        AnswerRatings::Table,
                        AnswerRatings::UserId,
                        Users::Table,
                        Users::Id,
                    ))
                    .index(
                        Index::create()
                            .name("uq_answer_ratings_petition_user")
                            .col(AnswerRatings::PetitionId)
                            .col(AnswerRatings::UserId)
                            .unique(),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(WorkerLocks::Table)
                    .if_not_exists()
                    .col(string_len(WorkerLocks::Name, 64).primary_key())
                    .col(timestamp_with_time_zone_null(WorkerLocks::RunAt))
                    .to_owned(),
            )
            .await?;
        manager
            .exec_stmt(
                Query::insert()
                    .into_table(WorkerLocks::Table)
                    .columns([WorkerLocks::Name])
                    .values_panic(["signature_fold".into()])
                    .values_panic(["deadline_sweep".into()])
                    .to_owned(),
            )
            .await?;

        for (name, table, columns) in [
            (
                "idx_petitions_status",
                Petitions::Table.into_iden(),
                vec![
                    Petitions::Status.into_iden(),
                    Petitions::SubmittedAt.into_iden(),
                ],
            ),
            (
                "idx_petitions_author",
                Petitions::Table.into_iden(),
                vec![Petitions::AuthorId.into_iden()],
            ),
            (
                "idx_petitions_body",
                Petitions::Table.into_iden(),
                vec![Petitions::BodyId.into_iden(), Petitions::Status.into_iden()],
            ),
            (
                "idx_petition_events_petition",
                PetitionEvents::Table.into_iden(),
                vec![
                    PetitionEvents::PetitionId.into_iden(),
                    PetitionEvents::Id.into_iden(),
                ],
            ),
        ] {
            let mut index = Index::create();
            index.name(name).table(table);
            for column in columns {
                index.col(column);
            }
            manager.create_index(index.to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            WorkerLocks::Table.into_iden(),
            AnswerRatings::Table.into_iden(),
            PetitionRegionCounts::Table.into_iden(),
            PetitionCounts::Table.into_iden(),
            Signatures::Table.into_iden(),
            Invalidations::Table.into_iden(),
            PetitionEvents::Table.into_iden(),
            Petitions::Table.into_iden(),
            RejectionReasons::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
