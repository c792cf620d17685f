// The lint of `npm run lint` (office-addin-lint picks up this file): Microsoft's Office add-in rules
// for every file, plus their React configuration and the React hooks rules for the task pane's .tsx.
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";
import tsParser from "@typescript-eslint/parser";

export default [
  ...officeAddins.configs.recommended,
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: { parser: tsParser },
  },
  ...officeAddins.configs.react.map((config) => ({ ...config, files: ["**/*.tsx"] })),
  {
    files: ["**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    settings: { react: { version: "detect" } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // React 17+ JSX transform: no React import needed for JSX; TypeScript checks the props.
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
      // TypeScript resolves every name (DOM types included); the rule does not know type names.
      "no-undef": "off",
    },
  },
];
