// The UI language for the component tree, and its strings.

import * as React from "react";
import { Language, UiStrings, getStrings } from "../../i18n/strings";

const LanguageContext = React.createContext<Language>("en-US");

export const LanguageProvider = LanguageContext.Provider;

export function useLanguage(): Language {
  return React.useContext(LanguageContext);
}

export function useStrings(): UiStrings {
  return getStrings(useLanguage());
}
