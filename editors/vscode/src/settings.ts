import * as vscode from 'vscode';

/** What the server reads from the `axag` settings: when to lint, and where the config and manifest are when not found by themselves. */
export interface ServerSettings {
  run: 'onType' | 'onSave';
  configPath: string;
  manifestPath: string;
}

export function serverSettings(): ServerSettings {
  const settings = vscode.workspace.getConfiguration('axag');
  return {
    run: settings.get<'onType' | 'onSave'>('run', 'onType'),
    configPath: settings.get<string>('configPath', ''),
    manifestPath: settings.get<string>('manifestPath', ''),
  };
}
