//! What a council's work still lacked: meeting materials and the signed minutes as documents
//! (`meeting_documents`, the bytes in the document store under their SHA-256 as for cases), the
//! reasons a secretary declines a proposal with (the admin-edited `rejection_reasons` catalogue
//! gains a `scope`: a reason is for petitions or for proposals; `proposal_declines` records which
//! reason declined which proposal), and a council's news mailed to its followers a chunk at a
//! time (`council_mailings`, with `after_user_id` as the cursor, like `case_mailings`).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum MeetingDocuments {
    Table,
    Id,
    MeetingId,
    Kind,
    Name,
    ContentType,
    Size,
    Sha256,
    UploadedById,
    UploadedAt,
}

#[derive(DeriveIden)]
enum ProposalDeclines {
    Table,
    ProposalId,
    ReasonId,
    DeclinedAt,
}

#[derive(DeriveIden)]
enum CouncilMailings {
    Table,
    Id,
    CouncilId,
    News,
    SubjectId,
    AfterUserId,
    CreatedAt,
    DoneAt,
}

#[derive(DeriveIden)]
enum Meetings {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Proposals {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum RejectionReasons {
    Table,
    Id,
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

fn fk(
    name: &str,
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(ForeignKeyAction::Restrict)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(MeetingDocuments::Table)
                    .if_not_exists()
                    .col(pk_auto(MeetingDocuments::Id))
                    .col(integer(MeetingDocuments::MeetingId))
                    .col(
                        string_len(MeetingDocuments::Kind, 16).check(
                            Expr::col(MeetingDocuments::Kind).is_in(["material", "minutes"]),
                        ),
                    )
                    .col(string_len(MeetingDocuments::Name, 800))
                    .col(string_len(MeetingDocuments::ContentType, 100).check(
                        Expr::col(MeetingDocuments::ContentType).is_in([
                            "application/pdf",
                            "image/png",
                            "image/jpeg",
                            "application/vnd.oasis.opendocument.text",
                            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        ]),
                    ))
                    .col(big_integer(MeetingDocuments::Size).check(
                        Expr::col(MeetingDocuments::Size).between(1, 10 * 1024 * 1024),
                    ))
                    .col(string_len(MeetingDocuments::Sha256, 64))
                    .col(integer(MeetingDocuments::UploadedById))
                    .col(timestamp_with_time_zone(MeetingDocuments::UploadedAt))
                    .foreign_key(&mut fk(
                        "fk_meeting_documents_meeting",
                        (MeetingDocuments::Table, MeetingDocuments::MeetingId),
                        (Meetings::Table, Meetings::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_meeting_documents_uploaded_by",
                        (MeetingDocuments::Table, MeetingDocuments::UploadedById),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ProposalDeclines::Table)
                    .if_not_exists()
                    .col(integer(ProposalDeclines::ProposalId).primary_key())
                    .col(integer(ProposalDeclines::ReasonId))
                    .col(timestamp_with_time_zone(ProposalDeclines::DeclinedAt))
                    .foreign_key(&mut fk(
                        "fk_proposal_declines_proposal",
                        (ProposalDeclines::Table, ProposalDeclines::ProposalId),
                        (Proposals::Table, Proposals::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_proposal_declines_reason",
                        (ProposalDeclines::Table, ProposalDeclines::ReasonId),
                        (RejectionReasons::Table, RejectionReasons::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CouncilMailings::Table)
                    .if_not_exists()
                    .col(pk_auto(CouncilMailings::Id))
                    .col(integer(CouncilMailings::CouncilId))
                    .col(string_len(CouncilMailings::News, 16).check(
                        Expr::col(CouncilMailings::News).is_in([
                            "agenda",
                            "minutes",
                            "recommendation",
                        ]),
                    ))
                    .col(integer(CouncilMailings::SubjectId))
                    .col(integer(CouncilMailings::AfterUserId).default(0))
                    .col(timestamp_with_time_zone(CouncilMailings::CreatedAt))
                    .col(timestamp_with_time_zone_null(CouncilMailings::DoneAt))
                    .foreign_key(&mut fk(
                        "fk_council_mailings_council",
                        (CouncilMailings::Table, CouncilMailings::CouncilId),
                        (Bodies::Table, Bodies::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        for sql in [
            "ALTER TABLE rejection_reasons ADD COLUMN scope VARCHAR(16) NOT NULL \
             DEFAULT 'petition' CHECK (scope IN ('petition', 'proposal'))",
            "CREATE INDEX ix_meeting_documents_meeting ON meeting_documents (meeting_id, kind)",
            "CREATE INDEX ix_council_mailings_pending ON council_mailings (done_at, id)",
        ] {
            db.execute_unprepared(sql).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared("ALTER TABLE rejection_reasons DROP COLUMN scope")
            .await?;
        for table in [
            CouncilMailings::Table.into_iden(),
            ProposalDeclines::Table.into_iden(),
            MeetingDocuments::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
