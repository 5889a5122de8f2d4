export {
  allowedActions,
  canEditText,
  isLocked,
  nextStatus,
  type SectionStatus,
  WORKFLOW_ACTIONS,
  type WorkflowAction,
  WorkflowError,
} from "./sectionStatus";
