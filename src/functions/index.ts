// Entry of the custom functions bundle. The build (custom-functions-metadata-plugin) appends a
// CustomFunctions.associate call for every @customfunction in these files.
import "./funnelWeight";
import "./rfm";
