import type { PreflightItem, Role } from "@rapporteur/api";
import { useEffect, useState } from "react";
import { errorMessage } from "../api/errorMessage";
import { Menu, type MenuItem } from "../layout/Menu";
import { Toast, type ToastMessage } from "../layout/Toast";
import { fetchPreflight } from "../settings/settingsApi";
import { LineIcon } from "../ui/LineIcon";
import { ConfirmFinalExport } from "./ConfirmFinalExport";
import { downloadExport, type ExportRequest } from "./downloadExport";

/** Props of {@link ExportMenu}. */
export interface ExportMenuProps {
  role: Role;
  /** The open section, for "Markdown of this section". */
  section: { id: string; title: string } | null;
  /** Whether the server can make PDF (LibreOffice installed): otherwise no PDF choice. */
  pdf: boolean;
}

/** How long a success message stays. */
const OK_MESSAGE_MS = 6000;

/**
 * The header's Export menu: Word final (editors), Word review copy and Markdown (everyone), PDF
 * of both where the server can make it, and the open section as Markdown. A final copy first
 * shows the server's preflight and asks to confirm. Shows "Preparing…" while the server builds
 * the file, then the file name, or the server's refusal.
 */
export function ExportMenu({ role, section, pdf }: ExportMenuProps) {
  const [message, setMessage] = useState<ToastMessage | null>(null);
  const [confirm, setConfirm] = useState<{
    what: string;
    request: ExportRequest;
    items: PreflightItem[];
  } | null>(null);
  const busy = message?.tone === "progress";

  useEffect(() => {
    if (message?.tone !== "ok") return;
    const timer = setTimeout(() => setMessage(null), OK_MESSAGE_MS);
    return () => clearTimeout(timer);
  }, [message]);

  const run = async (what: string, request: ExportRequest) => {
    setMessage({ tone: "progress", text: `Preparing ${what}…` });
    try {
      const filename = await downloadExport(request);
      setMessage({ tone: "ok", text: `Downloaded ${filename}` });
    } catch (error) {
      const reason = errorMessage(error);
      setMessage({ tone: "error", text: `${what} could not be exported: ${reason}` });
    }
  };

  const final = async (what: string, request: ExportRequest) => {
    setMessage({ tone: "progress", text: "Checking the report…" });
    try {
      const { items } = await fetchPreflight();
      setMessage(null);
      setConfirm({ what, request, items });
    } catch (error) {
      const reason = errorMessage(error);
      setMessage({ tone: "error", text: `The report could not be checked: ${reason}` });
    }
  };

  const items: MenuItem[] = [
    ...(role === "editor"
      ? [
          {
            key: "export-docx-final",
            label: "Word — final",
            hint: "Clean ECOSOC submission",
            disabled: busy,
            onSelect: () => void final("Word — final", { format: "docx", variant: "final" }),
          },
          ...(pdf
            ? [
                {
                  key: "export-pdf-final",
                  label: "PDF — final",
                  hint: "The final copy as LibreOffice prints it",
                  disabled: busy,
                  onSelect: () => void final("PDF — final", { format: "pdf", variant: "final" }),
                },
              ]
            : []),
        ]
      : []),
    {
      key: "export-docx-review",
      label: "Word — review copy",
      hint: "With open comment threads",
      disabled: busy,
      onSelect: () => void run("Word — review copy", { format: "docx", variant: "review" }),
    },
    ...(pdf
      ? [
          {
            key: "export-pdf-review",
            label: "PDF — review copy",
            hint: "Marked as a review copy",
            disabled: busy,
            onSelect: () => void run("PDF — review copy", { format: "pdf", variant: "review" }),
          },
        ]
      : []),
    {
      key: "export-md",
      label: "Markdown",
      hint: "The whole report",
      disabled: busy,
      onSelect: () => void run("Markdown", { format: "md", variant: "review" }),
    },
    {
      key: "export-md-section",
      label: "Markdown of this section",
      hint: section ? section.title : "Open a section first",
      disabled: busy || !section,
      separatorBefore: true,
      onSelect: () =>
        section &&
        void run("Markdown of this section", {
          format: "md",
          variant: "review",
          sectionId: section.id,
        }),
    },
  ];

  return (
    <>
      <Menu
        label="Export"
        button={
          <>
            <LineIcon
              d="M10 3v9m0 0-3.5-3.5M10 12l3.5-3.5M4 14.5V16h12v-1.5"
              size={16}
              box={20}
              strokeWidth={1.7}
              cap="round"
              join="round"
            />
            <span>{busy ? "Preparing…" : "Export"}</span>
          </>
        }
        buttonClassName="button header-button"
        items={items}
        testId="export-menu"
      />
      {message && <Toast message={message} onDismiss={() => setMessage(null)} />}
      {confirm && (
        <ConfirmFinalExport
          what={confirm.what}
          items={confirm.items}
          onClose={() => setConfirm(null)}
          onConfirm={() => {
            setConfirm(null);
            void run(confirm.what, confirm.request);
          }}
        />
      )}
    </>
  );
}
