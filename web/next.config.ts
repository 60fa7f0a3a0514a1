import type { NextConfig } from 'next';

// Under `./platform up` the app's own server passes /api/* to the gateway, so the browser sees one origin:
// the platform's httpOnly cookies and the gateway's Origin check (CSRF) work unchanged. Behind nginx the
// same path never reaches this server.
const gateway = (process.env.NAL_GATEWAY_URL ?? 'http://127.0.0.1:3001').replace(/\/+$/, '');

const nextConfig: NextConfig = {
  output: 'standalone',
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    // The rewrite proxy cuts a request body off at 10 MB unless told otherwise, which would truncate every
    // track upload made through this server. The gateway's largest route takes 2100 MB (a store report for
    // analytics: 2 GB plus multipart framing; MAX_IMPORT_SIZE), so this proxy does too. Next keeps a copy of a
    // proxied body in memory while it is sent: under ./platform up a 2 GB report costs this process that much
    // for its duration. Behind nginx (compose) /api never reaches this server.
    proxyClientMaxBodySize: '2100mb',
  },
  async rewrites() {
    return [
      { source: '/api/:path*', destination: `${gateway}/api/:path*` },
      { source: '/.well-known/jwks.json', destination: `${gateway}/.well-known/jwks.json` },
    ];
  },
};

export default nextConfig;
