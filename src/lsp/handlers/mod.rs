//! Request handlers, one group per file. Each takes the current `Analysis` of a document and
//! returns LSP values; none does I/O.

pub mod code_action;
pub mod completion;
pub mod diagnostics;
pub mod hover;
pub mod outline;

use tower_lsp::lsp_types::*;

use super::convert::Encoding;

/// The command of the checklist code lens (informational).
pub const CHECKLIST_COMMAND: &str = "letterlint.checklist";

/// The code action kind that applies every safe fix.
pub const FIX_ALL_KIND: &str = "source.fixAll.letterlint";

/// Everything the server can do, in one place.
pub fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                ..Default::default()
            },
        )),
        diagnostic_provider: Some(DiagnosticServerCapabilities::Options(DiagnosticOptions {
            identifier: Some(super::SOURCE.into()),
            inter_file_dependencies: false,
            workspace_diagnostics: false,
            work_done_progress_options: Default::default(),
        })),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![
                CodeActionKind::QUICKFIX,
                CodeActionKind::SOURCE_FIX_ALL,
                CodeActionKind::new(FIX_ALL_KIND),
            ]),
            resolve_provider: Some(false),
            work_done_progress_options: Default::default(),
        })),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        code_lens_provider: Some(CodeLensOptions {
            resolve_provider: Some(false),
        }),
        inlay_hint_provider: Some(OneOf::Left(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![":".into(), " ".into()]),
            resolve_provider: Some(false),
            ..Default::default()
        }),
        execute_command_provider: Some(ExecuteCommandOptions {
            commands: vec![CHECKLIST_COMMAND.into()],
            ..Default::default()
        }),
        ..Default::default()
    }
}
