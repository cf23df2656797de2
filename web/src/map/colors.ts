export const SIDE_COLOURS: Record<string, string> = {
  roman: '#5b2a86', // imperial purple
  avar: '#b5472b',
  persian: '#c08a1e',
};

function hex(c: string): [number, number, number] {
  return [parseInt(c.slice(1, 3), 16), parseInt(c.slice(3, 5), 16), parseInt(c.slice(5, 7), 16)];
}

function mix(a: string, b: string, t: number): string {
  const x = hex(a);
  const y = hex(b);
  const v = x.map((xi, i) => Math.round(xi + (y[i] - xi) * Math.min(1, Math.max(0, t))));
  return `#${v.map((n) => n.toString(16).padStart(2, '0')).join('')}`;
}

/** Wall condition colour: sound stone green-grey, battered amber, breached red. */
export function integrityColour(permille: number): string {
  return permille >= 700 ? mix('#d9a021', '#4f7a45', (permille - 700) / 300) : mix('#b3261e', '#d9a021', permille / 700);
}
