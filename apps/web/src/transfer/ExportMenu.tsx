import type { Role } from "@rapporteur/api";
import { useEffect, useState } from "react";
import { Menu, type MenuItem } from "../layout/Menu";
import { Toast, type ToastMessage } from "../layout/Toast";
import { LineIcon } from "../ui/LineIcon";
import { downloadExport, type ExportRequest } from "./downloadExport";

/** Props of {@link ExportMenu}. */
export interface ExportMenuProps {
  role: Role;
  /** The open section, for "Markdown of this section". */
  section: { id: string; title: string } | null;
}

/** How long a success message stays. */
const OK_MESSAGE_MS = 6000;

/**
 * The header's Export menu: Word final (editors), Word review copy and Markdown (everyone), and
 * the open section as Markdown. Shows "Preparing…" while the server builds the file, then the
 * file name, or the server's refusal.
 */
export function ExportMenu({ role, section }: ExportMenuProps) {
  const [message, setMessage] = useState<ToastMessage | null>(null);
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
      const reason = error instanceof Error ? error.message : String(error);
      setMessage({ tone: "error", text: `${what} could not be exported: ${reason}` });
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
            onSelect: () => void run("Word — final", { format: "docx", variant: "final" }),
          },
        ]
      : []),
    {
      key: "export-docx-review",
      label: "Word — review copy",
      hint: "With open comment threads",
      disabled: busy,
      onSelect: () => void run("Word — review copy", { format: "docx", variant: "review" }),
    },
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
    </>
  );
}
