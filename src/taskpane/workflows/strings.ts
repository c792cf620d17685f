// The workflows' strings for the pane's language.

import { WorkflowStrings, getWorkflowStrings } from "../../i18n/workflows";
import { useLanguage } from "../components/language";

export function useWorkflowStrings(): WorkflowStrings {
  return getWorkflowStrings(useLanguage());
}
