// Variables as editable text: one "name=value" per line.

export function variablesToText(variables: Record<string, string>): string {
  return Object.entries(variables)
    .map(([name, value]) => `${name}=${value}`)
    .join('\n');
}

// Lines without "=" or with an empty name are reported by their 1-based line number.
export function parseVariablesText(text: string): { variables: Record<string, string>; badLines: number[] } {
  const variables: Record<string, string> = {};
  const badLines: number[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const at = line.indexOf('=');
    const name = at > 0 ? line.slice(0, at).trim() : '';
    if (!name || !/^[A-Za-z0-9_.]{1,64}$/.test(name)) {
      badLines.push(index + 1);
      return;
    }
    variables[name] = line.slice(at + 1).trim();
  });
  return { variables, badLines };
}
