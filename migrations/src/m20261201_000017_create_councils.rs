//! Public councils: their members (a membership of its own, so former members and members
//! without an account stay on record), citizens' proposals and their supporters, meetings with
//! ordered agenda items, attendance and decisions, and the recommendations a council sends its
//! body (each answered through a case of kind `recommendation`), and the members' internal
//! comments on agenda items (never published), and who follows a council's news by mail.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CouncilMembers {
    Table,
    Id,
    CouncilId,
    FullName,
    Position,
    Organisation,
    Voting,
    StartsOn,
    EndsOn,
    UserId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Proposals {
    Table,
    Id,
    CouncilId,
    AuthorId,
    Title,
    Text,
    TerritoryId,
    Topic,
    Supporters,
    DeskState,
    MergedIntoId,
    HiddenReason,
    HiddenAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ProposalSupports {
    Table,
    ProposalId,
    UserId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Meetings {
    Table,
    Id,
    CouncilId,
    StartsAt,
    MeetsOn,
    Format,
    Place,
    OnlineUrl,
    State,
    PublishedAt,
    Minutes,
    MinutesAt,
    ClosedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum AgendaItems {
    Table,
    Id,
    MeetingId,
    Position,
    Title,
    ProposalId,
    PetitionId,
    Outcome,
    VotesFor,
    VotesAgainst,
    VotesAbstained,
    Decision,
    DecidedAt,
}

#[derive(DeriveIden)]
enum MeetingAttendance {
    Table,
    MeetingId,
    MemberId,
}

#[derive(DeriveIden)]
enum CouncilFollows {
    Table,
    CouncilId,
    UserId,
    Token,
    CreatedAt,
}

#[derive(DeriveIden)]
enum AgendaComments {
    Table,
    Id,
    AgendaItemId,
    AuthorId,
    Text,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Recommendations {
    Table,
    Id,
    CouncilId,
    BodyId,
    AgendaItemId,
    Text,
    CreatedAt,
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
enum Territories {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Petitions {
    Table,
    Id,
}

fn fk(
    name: &str,
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(on_delete)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    #[allow(clippy::too_many_lines)]
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use ForeignKeyAction::{Cascade, Restrict, SetNull};
        manager
            .create_table(
                Table::create()
                    .table(CouncilMembers::Table)
                    .if_not_exists()
                    .col(pk_auto(CouncilMembers::Id))
                    .col(integer(CouncilMembers::CouncilId))
                    .col(string_len(CouncilMembers::FullName, 200))
                    .col(string_len(CouncilMembers::Position, 16).check(
                        Expr::col(CouncilMembers::Position).is_in([
                            "chair",
                            "deputy_chair",
                            "secretary",
                            "member",
                        ]),
                    ))
                    .col(string_len(CouncilMembers::Organisation, 300).default(""))
                    .col(boolean(CouncilMembers::Voting))
                    .col(date(CouncilMembers::StartsOn))
                    .col(date_null(CouncilMembers::EndsOn))
                    .col(integer_null(CouncilMembers::UserId))
                    .col(timestamp_with_time_zone(CouncilMembers::CreatedAt))
                    .check(Expr::cust("ends_on IS NULL OR ends_on >= starts_on"))
                    .foreign_key(&mut fk(
                        "fk_council_members_council",
                        (CouncilMembers::Table, CouncilMembers::CouncilId),
                        (Bodies::Table, Bodies::Id),
                        Restrict,
                    ))
                    .foreign_key(&mut fk(
                        "fk_council_members_user",
                        (CouncilMembers::Table, CouncilMembers::UserId),
                        (Users::Table, Users::Id),
                        SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Proposals::Table)
                    .if_not_exists()
                    .col(pk_auto(Proposals::Id))
                    .col(integer(Proposals::CouncilId))
                    .col(integer(Proposals::AuthorId))
                    .col(string_len(Proposals::Title, 200))
                    .col(text(Proposals::Text))
                    .col(integer_null(Proposals::TerritoryId))
                    .col(string_len(Proposals::Topic, 32))
                    .col(integer(Proposals::Supporters).default(0))
                    .col(
                        string_len(Proposals::DeskState, 16)
                            .default("new")
                            .check(Expr::col(Proposals::DeskState).is_in([
                                "new",
                                "on_agenda",
                                "merged",
                                "forwarded",
                                "declined",
                                "decided",
                            ])),
                    )
                    .col(integer_null(Proposals::MergedIntoId))
                    .col(text_null(Proposals::HiddenReason))
                    .col(timestamp_with_time_zone_null(Proposals::HiddenAt))
                    .col(timestamp_with_time_zone(Proposals::CreatedAt))
                    .check(Expr::cust(
                        "(desk_state = 'merged') = (merged_into_id IS NOT NULL) AND (merged_into_id IS NULL OR merged_into_id <> id)",
                    ))
                    .check(Expr::cust("(hidden_at IS NULL) = (hidden_reason IS NULL)"))
                    .foreign_key(&mut fk(
                        "fk_proposals_council",
                        (Proposals::Table, Proposals::CouncilId),
                        (Bodies::Table, Bodies::Id),
                        Restrict,
                    ))
                    .foreign_key(&mut fk(
                        "fk_proposals_author",
                        (Proposals::Table, Proposals::AuthorId),
                        (Users::Table, Users::Id),
                        Restrict,
                    ))
                    .foreign_key(&mut fk(
                        "fk_proposals_territory",
                        (Proposals::Table, Proposals::TerritoryId),
                        (Territories::Table, Territories::Id),
                        Restrict,
                    ))
                    .foreign_key(&mut fk(
                        "fk_proposals_merged_into",
                        (Proposals::Table, Proposals::MergedIntoId),
                        (Proposals::Table, Proposals::Id),
                        Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ProposalSupports::Table)
                    .if_not_exists()
                    .col(integer(ProposalSupports::ProposalId))
                    .col(integer(ProposalSupports::UserId))
                    .col(timestamp_with_time_zone(ProposalSupports::CreatedAt))
                    .primary_key(
                        Index::create()
                            .col(ProposalSupports::ProposalId)
                            .col(ProposalSupports::UserId),
                    )
                    .foreign_key(&mut fk(
                        "fk_proposal_supports_proposal",
                        (ProposalSupports::Table, ProposalSupports::ProposalId),
                        (Proposals::Table, Proposals::Id),
                        Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_proposal_supports_user",
                        (ProposalSupports::Table, ProposalSupports::UserId),
                        (Users::Table, Users::Id),
                        Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Meetings::Table)
                    .if_not_exists()
                    .col(pk_auto(Meetings::Id))
                    .col(integer(Meetings::CouncilId))
                    .col(timestamp_with_time_zone(Meetings::StartsAt))
                    .col(date(Meetings::MeetsOn))
                    .col(string_len(Meetings::Format, 16).check(
                        Expr::col(Meetings::Format).is_in(["in_person", "online", "hybrid"]),
                    ))
                    .col(string_len(Meetings::Place, 300).default(""))
                    .col(string_len(Meetings::OnlineUrl, 500).default(""))
                    .col(
                        string_len(Meetings::State, 16).default("draft").check(
                            Expr::col(Meetings::State).is_in(["draft", "published", "closed"]),
                        ),
                    )
                    .col(timestamp_with_time_zone_null(Meetings::PublishedAt))
                    .col(text_null(Meetings::Minutes))
                    .col(timestamp_with_time_zone_null(Meetings::MinutesAt))
                    .col(timestamp_with_time_zone_null(Meetings::ClosedAt))
                    .col(timestamp_with_time_zone(Meetings::CreatedAt))
                    .check(Expr::cust("(state = 'draft') = (published_at IS NULL)"))
                    .check(Expr::cust("(state = 'closed') = (closed_at IS NOT NULL)"))
                    .foreign_key(&mut fk(
                        "fk_meetings_council",
                        (Meetings::Table, Meetings::CouncilId),
                        (Bodies::Table, Bodies::Id),
                        Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AgendaItems::Table)
                    .if_not_exists()
                    .col(pk_auto(AgendaItems::Id))
                    .col(integer(AgendaItems::MeetingId))
                    .col(integer(AgendaItems::Position))
                    .col(string_len(AgendaItems::Title, 300))
                    .col(integer_null(AgendaItems::ProposalId))
                    .col(integer_null(AgendaItems::PetitionId))
                    .col(string_len(AgendaItems::Outcome, 16).default("pending").check(
                        Expr::col(AgendaItems::Outcome).is_in(["pending", "decided", "deferred"]),
                    ))
                    .col(integer_null(AgendaItems::VotesFor))
                    .col(integer_null(AgendaItems::VotesAgainst))
                    .col(integer_null(AgendaItems::VotesAbstained))
                    .col(text_null(AgendaItems::Decision))
                    .col(timestamp_with_time_zone_null(AgendaItems::DecidedAt))
                    .check(Expr::cust(
                        "(outcome = 'decided') = (decision IS NOT NULL AND votes_for IS NOT NULL AND votes_against IS NOT NULL AND votes_abstained IS NOT NULL)",
                    ))
                    .check(Expr::cust(
                        "votes_for IS NULL OR (votes_for >= 0 AND votes_against >= 0 AND votes_abstained >= 0)",
                    ))
                    .check(Expr::cust("proposal_id IS NULL OR petition_id IS NULL"))
                    .foreign_key(&mut fk(
                        "fk_agenda_items_meeting",
                        (AgendaItems::Table, AgendaItems::MeetingId),
                        (Meetings::Table, Meetings::Id),
                        Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_agenda_items_proposal",
                        (AgendaItems::Table, AgendaItems::ProposalId),
                        (Proposals::Table, Proposals::Id),
                        Restrict,
                    ))
                    .foreign_key(&mut fk(
                        "fk_agenda_items_petition",
                        (AgendaItems::Table, AgendaItems::PetitionId),
                        (Petitions::Table, Petitions::Id),
                        Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(MeetingAttendance::Table)
                    .if_not_exists()
                    .col(integer(MeetingAttendance::MeetingId))
                    .col(integer(MeetingAttendance::MemberId))
                    .primary_key(
                        Index::create()
                            .col(MeetingAttendance::MeetingId)
                            .col(MeetingAttendance::MemberId),
                    )
                    .foreign_key(&mut fk(
                        "fk_meeting_attendance_meeting",
                        (MeetingAttendance::Table, MeetingAttendance::MeetingId),
                        (Meetings::Table, Meetings::Id),
                        Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_meeting_attendance_member",
                        (MeetingAttendance::Table, MeetingAttendance::MemberId),
                        (CouncilMembers::Table, CouncilMembers::Id),
                        Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Recommendations::Table)
                    .if_not_exists()
                    .col(pk_auto(Recommendations::Id))
                    .col(integer(Recommendations::CouncilId))
                    .col(integer(Recommendations::BodyId))
                    .col(integer_uniq(Recommendations::AgendaItemId))
                    .col(text(Recommendations::Text))
                    .col(timestamp_with_time_zone(Recommendations::CreatedAt))
                    .foreign_key(&mut fk(
                        "fk_recommendations_council",
                        (Recommendations::Table, Recommendations::CouncilId),
                        (Bodies::Table, Bodies::Id),
                        Restrict,
                    ))
                    .foreign_key(&mut fk(
                        "fk_recommendations_body",
                        (Recommendations::Table, Recommendations::BodyId),
                        (Bodies::Table, Bodies::Id),
                        Restrict,
                    ))
                    .foreign_key(&mut fk(
                        "fk_recommendations_agenda_item",
                        (Recommendations::Table, Recommendations::AgendaItemId),
                        (AgendaItems::Table, AgendaItems::Id),
                        Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AgendaComments::Table)
                    .if_not_exists()
                    .col(pk_auto(AgendaComments::Id))
                    .col(integer(AgendaComments::AgendaItemId))
                    .col(integer(AgendaComments::AuthorId))
                    .col(text(AgendaComments::Text))
                    .col(timestamp_with_time_zone(AgendaComments::CreatedAt))
                    .foreign_key(&mut fk(
                        "fk_agenda_comments_item",
                        (AgendaComments::Table, AgendaComments::AgendaItemId),
                        (AgendaItems::Table, AgendaItems::Id),
                        Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_agenda_comments_author",
                        (AgendaComments::Table, AgendaComments::AuthorId),
                        (Users::Table, Users::Id),
                        Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CouncilFollows::Table)
                    .if_not_exists()
                    .col(integer(CouncilFollows::CouncilId))
                    .col(integer(CouncilFollows::UserId))
                    .col(string_len_uniq(CouncilFollows::Token, 64))
                    .col(timestamp_with_time_zone(CouncilFollows::CreatedAt))
                    .primary_key(
                        Index::create()
                            .col(CouncilFollows::CouncilId)
                            .col(CouncilFollows::UserId),
                    )
                    .foreign_key(&mut fk(
                        "fk_council_follows_council",
                        (CouncilFollows::Table, CouncilFollows::CouncilId),
                        (Bodies::Table, Bodies::Id),
                        Restrict,
                    ))
                    .foreign_key(&mut fk(
                        "fk_council_follows_user",
                        (CouncilFollows::Table, CouncilFollows::UserId),
                        (Users::Table, Users::Id),
                        Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        for sql in [
            "CREATE INDEX ix_council_members_council ON council_members (council_id)",
            "CREATE INDEX ix_proposals_council ON proposals (council_id, created_at)",
            "CREATE INDEX ix_proposals_author ON proposals (author_id, created_at)",
            "CREATE INDEX ix_meetings_council ON meetings (council_id, starts_at)",
            "CREATE INDEX ix_agenda_items_meeting ON agenda_items (meeting_id, position)",
            "CREATE INDEX ix_recommendations_council ON recommendations (council_id)",
            "CREATE INDEX ix_agenda_comments_item ON agenda_comments (agenda_item_id, id)",
        ] {
            db.execute_unprepared(sql).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            CouncilFollows::Table.into_iden(),
            AgendaComments::Table.into_iden(),
            Recommendations::Table.into_iden(),
            MeetingAttendance::Table.into_iden(),
            AgendaItems::Table.into_iden(),
            Meetings::Table.into_iden(),
            ProposalSupports::Table.into_iden(),
            Proposals::Table.into_iden(),
            CouncilMembers::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
