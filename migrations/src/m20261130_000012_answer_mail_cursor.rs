//! The mail that tells signers a petition was answered is queued after the answer, in short
//! transactions of a few hundred recipients each, not inside the answer's own transaction.
//! `answer_mail_after` is the queue's cursor: NULL when nothing is left to queue, otherwise the
//! last recipient's account id already queued (0 before the first). Each chunk moves it in the
//! same transaction as its mail, so a crash loses nothing and sends nothing twice.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Petitions {
    Table,
    AnswerMailAfter,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Petitions::Table)
                    .add_column(integer_null(Petitions::AnswerMailAfter))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Petitions::Table)
                    .drop_column(Petitions::AnswerMailAfter)
                    .to_owned(),
            )
            .await
    }
}
