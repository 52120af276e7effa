/** The settings from the environment: one schema, one reader, and the README's table printed from them. */
export { readSettings, SettingsError } from './read-settings.ts';
export {
  docOf,
  type LogLevel,
  logLevels,
  type SettingName,
  type Settings,
  settingsShape,
} from './settings.ts';
export { settingsTable, settingsTableMarkers } from './settings-table.ts';
