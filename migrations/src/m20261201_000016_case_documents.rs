//! Documents attached to a case's answer, clarification questions and replies, and updates:
//! the bytes live in the document store under their SHA-256; this table records which item
//! each belongs to, its name, type and size, and who attached it when.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CaseDocuments {
    Table,
    Id,
    CaseId,
    ItemKind,
    ItemId,
    Name,
    ContentType,
    Size,
    Sha256,
    UploadedById,
    UploadedAt,
}

#[derive(DeriveIden)]
enum Cases {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CaseDocuments::Table)
                    .if_not_exists()
                    .col(pk_auto(CaseDocuments::Id))
                    .col(integer(CaseDocuments::CaseId))
                    .col(string_len(CaseDocuments::ItemKind, 16).check(
                        Expr::col(CaseDocuments::ItemKind)
                            .is_in(["answer", "question", "reply", "update", "origin"]),
                    ))
                    .col(integer_null(CaseDocuments::ItemId))
                    .col(string_len(CaseDocuments::Name, 800))
                    .col(string_len(CaseDocuments::ContentType, 100).check(
                        Expr::col(CaseDocuments::ContentType).is_in([
                            "application/pdf",
                            "image/png",
                            "image/jpeg",
                            "application/vnd.oasis.opendocument.text",
                            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        ]),
                    ))
                    .col(big_integer(CaseDocuments::Size).check(
                        Expr::col(CaseDocuments::Size).between(1, 10 * 1024 * 1024),
                    ))
                    .col(string_len(CaseDocuments::Sha256, 64))
                    .col(integer(CaseDocuments::UploadedById))
                    .col(timestamp_with_time_zone(CaseDocuments::UploadedAt))
                    .check(Expr::cust(
                        "(item_kind IN ('answer', 'origin')) = (item_id IS NULL)",
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_case_documents_case")
                            .from(CaseDocuments::Table, CaseDocuments::CaseId)
                            .to(Cases::Table, Cases::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_case_documents_uploaded_by")
                            .from(CaseDocuments::Table, CaseDocuments::UploadedById)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_case_documents_case")
                    .table(CaseDocuments::Table)
                    .col(CaseDocuments::CaseId)
                    .col(CaseDocuments::ItemKind)
                    .col(CaseDocuments::ItemId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(CaseDocuments::Table).to_owned())
            .await
    }
}
