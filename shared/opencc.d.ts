// opencc-js publishes its dictionaries as modules without type declarations.
declare module 'opencc-js/dict/*' {
  const pairs: string;
  export default pairs;
}
