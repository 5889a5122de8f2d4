export * from "./rules";
export { type SectionWorkflow, WorkflowStore } from "./WorkflowStore";
