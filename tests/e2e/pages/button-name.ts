// antd puts a space between the two characters of a two-character Chinese button ("登 录"), so
// buttons are found by a pattern that allows it.
export function buttonName(label: string): RegExp {
  const chars = [...label].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^\\s*${chars.join('\\s*')}\\s*$`);
}
