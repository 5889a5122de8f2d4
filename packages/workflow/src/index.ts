export {
  canEditText,
  isLocked,
  nextStatus,
  type SectionStatus,
  type WorkflowAction,
  WorkflowError,
} from "./sectionStatus";
export { type SectionWorkflow, WorkflowStore } from "./WorkflowStore";
