import type { NextConfig } from 'next';

// Under `./platform up` the app's own server passes /api/* to the gateway, so the browser sees one origin:
// the platform's httpOnly cookies and the gateway's Origin check (CSRF) work unchanged. Behind nginx the
// same path never reaches this server.
const gateway = (process.env.NAL_GATEWAY_URL ?? 'http://127.0.0.1:3001').replace(/\/+$/, '');

const nextConfig: NextConfig = {
  output: 'standalone',
  poweredByHeader: false,
  reactStrictMode: true,
  async rewrites() {
    return [
      { source: '/api/:path*', destination: `${gateway}/api/:path*` },
      { source: '/.well-known/jwks.json', destination: `${gateway}/.well-known/jwks.json` },
    ];
  },
};

export default nextConfig;
