// The staff impact page is its own route chunk (see router.tsx).
export { StaffImpact as default } from './PublicImpact';
